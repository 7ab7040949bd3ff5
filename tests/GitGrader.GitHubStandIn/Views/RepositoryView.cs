using GitGrader.GitHub;

namespace GitGrader.GitHubStandIn;

/// <summary>A repository on the stand-in.</summary>
/// <param name="Id">Repository id.</param>
/// <param name="Repository">Owner and name.</param>
/// <param name="InstallationId">The App installation that covers it.</param>
/// <param name="DefaultBranch">Default branch (HEAD of the bare repository).</param>
/// <param name="CloneUrl">Git URL without credentials (<c>{BaseUrl}{owner}/{name}.git</c>).</param>
public sealed record RepositoryView(long Id, RepositoryRef Repository, long InstallationId, string DefaultBranch, Uri CloneUrl);
