using System.Text.Json.Serialization;

namespace GitGrader.GitHub.OAuth;

/// <summary>Source-generated JSON for GitHub's OAuth answers (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AccessTokenAnswer))]
internal sealed partial class OAuthJsonContext : JsonSerializerContext;
