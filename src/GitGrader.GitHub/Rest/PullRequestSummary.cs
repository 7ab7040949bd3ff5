namespace GitGrader.GitHub.Rest;

/// <summary>A pull request associated with a commit (the members GitGrader reads).</summary>
public sealed record PullRequestSummary(int Number, string State, string HeadSha, string HeadRef, string? HtmlUrl);
