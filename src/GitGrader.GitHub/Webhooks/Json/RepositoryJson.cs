namespace GitGrader.GitHub.Webhooks.Json;

/// <summary>A repository: the delivery's <c>repository</c>, or an item of an installation's repository lists.</summary>
internal sealed class RepositoryJson
{
    public long? Id { get; init; }

    public string? Name { get; init; }

    public string? FullName { get; init; }

    public UserJson? Owner { get; init; }

    public string? CloneUrl { get; init; }

    public string? DefaultBranch { get; init; }
}
