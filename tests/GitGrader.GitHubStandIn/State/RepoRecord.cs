using GitGrader.GitHub;

namespace GitGrader.GitHubStandIn.State;

/// <summary>A repository the stand-in serves.</summary>
internal sealed record RepoRecord(long Id, string Owner, string Name, long InstallationId, string DefaultBranch, DateTimeOffset CreatedAt)
{
    /// <summary><c>owner/name</c>.</summary>
    public string FullName => $"{Owner}/{Name}";

    /// <summary>As a <see cref="RepositoryRef"/>.</summary>
    public RepositoryRef Ref => new(Owner, Name);
}
