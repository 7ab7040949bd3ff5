namespace GitGrader.GitHub.Webhooks;

/// <summary>An event GitGrader does not route; answered 2xx and otherwise ignored.</summary>
public sealed record UnhandledEvent(string Name) : WebhookEvent
{
    /// <inheritdoc />
    public override string EventName => Name;
}
