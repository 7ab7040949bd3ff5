namespace GitGrader.GitHub.Rest.Json;

/// <summary><c>GET /app</c>.</summary>
internal sealed class AppResponseJson
{
    public long? Id { get; init; }

    public string? Slug { get; init; }

    public string? Name { get; init; }
}
