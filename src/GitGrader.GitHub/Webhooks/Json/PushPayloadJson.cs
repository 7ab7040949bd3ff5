namespace GitGrader.GitHub.Webhooks.Json;

/// <summary>A <c>push</c> body.</summary>
internal sealed class PushPayloadJson : PayloadJson
{
    public string? Ref { get; init; }

    public string? After { get; init; }

    public bool? Deleted { get; init; }
}
