using System.Text.Json.Serialization;

namespace GitGrader.GitHub.Rest.Json;

/// <summary>Source-generated JSON for the REST API: snake_case, null members left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(CheckRunRequestJson))]
[JsonSerializable(typeof(IssueRequestJson))]
[JsonSerializable(typeof(AppResponseJson))]
[JsonSerializable(typeof(InstallationResponseJson))]
[JsonSerializable(typeof(AccessTokenResponseJson))]
[JsonSerializable(typeof(CheckRunResponseJson))]
[JsonSerializable(typeof(CheckRunListJson))]
[JsonSerializable(typeof(List<PullRequestResponseJson?>))]
[JsonSerializable(typeof(List<IssueResponseJson?>))]
[JsonSerializable(typeof(List<IssueCommentResponseJson?>))]
[JsonSerializable(typeof(IssueCommentResponseJson))]
[JsonSerializable(typeof(IssueResponseJson))]
[JsonSerializable(typeof(ErrorResponseJson))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
