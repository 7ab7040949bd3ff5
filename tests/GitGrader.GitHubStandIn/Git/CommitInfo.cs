namespace GitGrader.GitHubStandIn.Git;

/// <summary>One commit as a push payload describes it.</summary>
internal sealed record CommitInfo(
    string Sha,
    string TreeSha,
    string Message,
    DateTimeOffset Timestamp,
    string AuthorName,
    string AuthorEmail,
    string CommitterName,
    string CommitterEmail,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Modified);
