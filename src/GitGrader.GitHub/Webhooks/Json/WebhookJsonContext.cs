using System.Text.Json.Serialization;

namespace GitGrader.GitHub.Webhooks.Json;

/// <summary>Source-generated readers for the deliveries GitGrader routes; strict JSON (no comments, no trailing commas), depth 64.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, MaxDepth = 64)]
[JsonSerializable(typeof(PushPayloadJson))]
[JsonSerializable(typeof(PullRequestPayloadJson))]
[JsonSerializable(typeof(CheckRunPayloadJson))]
[JsonSerializable(typeof(CheckSuitePayloadJson))]
[JsonSerializable(typeof(InstallationPayloadJson))]
[JsonSerializable(typeof(InstallationRepositoriesPayloadJson))]
[JsonSerializable(typeof(PingPayloadJson))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
