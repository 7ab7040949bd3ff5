using System.Text.Json.Serialization;

namespace GitGrader.GitHub.Rest.Json;

/// <summary>
/// Source-generated JSON for the request bodies GitGrader writes itself rather than through Octokit's models:
/// snake_case, null members left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IssueRequestJson))]
[JsonSerializable(typeof(ProvisioningRequestJson))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
