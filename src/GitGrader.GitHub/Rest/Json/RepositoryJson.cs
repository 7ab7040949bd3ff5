namespace GitGrader.GitHub.Rest.Json;

/// <summary>A repository as GitHub sends it (the members GitGrader reads), read by Octokit's serializer.</summary>
internal sealed class RepositoryJson
{
    public long? Id { get; set; }

    public string? Name { get; set; }

    public AccountJson? Owner { get; set; }

    public bool? Private { get; set; }

    public bool? IsTemplate { get; set; }

    public string? DefaultBranch { get; set; }

    public string? HtmlUrl { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }
}
