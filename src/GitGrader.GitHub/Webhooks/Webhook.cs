namespace GitGrader.GitHub.Webhooks;

/// <summary>
/// What GitGrader reads of a verified delivery: one subtype per event it routes, <see cref="UnhandledWebhook"/> for the rest.
/// Read from Octokit.Webhooks' event models by <see cref="WebhookParser"/>, so nothing above it depends on that library.
/// </summary>
public abstract record Webhook
{
    /// <summary>The <c>X-GitHub-Event</c> name.</summary>
    public abstract string EventName { get; }

    /// <summary><c>installation.id</c>, when the delivery came through an App installation.</summary>
    public long? InstallationId { get; init; }

    /// <summary><c>sender.login</c>.</summary>
    public string? SenderLogin { get; init; }
}
