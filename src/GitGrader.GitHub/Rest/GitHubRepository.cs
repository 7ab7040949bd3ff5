namespace GitGrader.GitHub.Rest;

/// <summary>A repository as GitHub describes it (the members GitGrader reads).</summary>
/// <param name="Id">GitHub's id (stable across renames).</param>
/// <param name="Repository">Owner and name.</param>
/// <param name="DefaultBranch">The default branch (<c>main</c>).</param>
/// <param name="IsPrivate">Private.</param>
/// <param name="IsTemplate">A template repository.</param>
/// <param name="HtmlUrl">Its page.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record GitHubRepository(long Id, RepositoryRef Repository, string DefaultBranch, bool IsPrivate, bool IsTemplate, Uri? HtmlUrl, DateTimeOffset? CreatedAt);
