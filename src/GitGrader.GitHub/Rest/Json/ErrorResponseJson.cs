using System.Text.Json;

namespace GitGrader.GitHub.Rest.Json;

/// <summary>GitHub's error body: <c>message</c>, <c>documentation_url</c>, and for 422 the <c>errors</c>.</summary>
internal sealed class ErrorResponseJson
{
    public string? Message { get; init; }

    public string? DocumentationUrl { get; init; }

    public JsonElement? Errors { get; init; }
}
