namespace GitGrader.GitHub.Rest.Json;

/// <summary>A check run as GitHub returns it.</summary>
internal sealed class CheckRunResponseJson
{
    public long? Id { get; init; }

    public string? Name { get; init; }

    public string? HeadSha { get; init; }

    public string? ExternalId { get; init; }

    public string? Status { get; init; }

    public string? Conclusion { get; init; }

    public string? HtmlUrl { get; init; }
}
