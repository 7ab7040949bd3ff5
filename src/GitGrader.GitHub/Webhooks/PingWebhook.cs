namespace GitGrader.GitHub.Webhooks;

/// <summary>A <c>ping</c>, sent when a hook is created.</summary>
public sealed record PingWebhook : Webhook
{
    /// <inheritdoc />
    public override string EventName => "ping";

    /// <summary><c>zen</c>.</summary>
    public string? Zen { get; init; }

    /// <summary><c>hook_id</c>.</summary>
    public long? HookId { get; init; }
}
