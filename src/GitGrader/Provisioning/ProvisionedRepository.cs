using GitGrader.GitHub;

namespace GitGrader.Provisioning;

/// <summary>A student's repository, ready.</summary>
/// <param name="Repository">Owner and name, <c>{org}/{slug}-{login}</c>.</param>
/// <param name="HtmlUrl">Its page on GitHub.</param>
/// <param name="Created">True when this call created the repository; false when it existed already (made by GitGrader for this student).</param>
public sealed record ProvisionedRepository(RepositoryRef Repository, Uri HtmlUrl, bool Created);
