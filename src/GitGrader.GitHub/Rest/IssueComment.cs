namespace GitGrader.GitHub.Rest;

/// <summary>A comment on an issue or pull request.</summary>
public sealed record IssueComment(long Id, string Body, string? UserLogin, string? HtmlUrl);
