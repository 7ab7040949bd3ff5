namespace GitGrader.GitHub.Webhooks;

/// <summary>A parsed webhook delivery: one subtype per event GitGrader routes, <see cref="UnhandledEvent"/> for the rest.</summary>
public abstract record WebhookEvent
{
    /// <summary>The <c>X-GitHub-Event</c> name.</summary>
    public abstract string EventName { get; }

    /// <summary><c>installation.id</c>, when the delivery came through an App installation.</summary>
    public long? InstallationId { get; init; }

    /// <summary><c>sender.login</c>.</summary>
    public string? SenderLogin { get; init; }
}
