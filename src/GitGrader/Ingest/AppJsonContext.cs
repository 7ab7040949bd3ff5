using System.Text.Json.Serialization;

namespace GitGrader.Ingest;

/// <summary>Source-generated JSON for the server's own answers.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebhookAnswer))]
[JsonSerializable(typeof(HealthAnswer))]
public sealed partial class AppJsonContext : JsonSerializerContext;
