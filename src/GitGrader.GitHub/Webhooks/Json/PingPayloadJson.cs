namespace GitGrader.GitHub.Webhooks.Json;

/// <summary>A <c>ping</c> body.</summary>
internal sealed class PingPayloadJson : PayloadJson
{
    public string? Zen { get; init; }

    public long? HookId { get; init; }
}
