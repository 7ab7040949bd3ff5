namespace GitGrader.GitHubStandIn;

/// <summary>An issue as it was after one create or edit.</summary>
public sealed record IssueRevision(DateTimeOffset At, string Title, string? Body, string State);
