namespace GitGrader.GitHubStandIn.Webhooks;

/// <summary>Queued webhook work: builds its deliveries when its turn comes, then they are sent in order.</summary>
/// <param name="Event">The event, for the record if building fails.</param>
/// <param name="Prepare">Builds the deliveries (may run git).</param>
internal sealed record WebhookWork(string Event, Func<CancellationToken, Task<IReadOnlyList<PreparedWebhook>>> Prepare)
{
    /// <summary>Completes with the delivery attempts once sent.</summary>
    public TaskCompletionSource<IReadOnlyList<WebhookDeliveryView>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
