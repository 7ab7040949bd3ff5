namespace GitGrader.GitHub.Webhooks;

/// <summary>
/// An event GitGrader does not route, or an action of a routed event that Octokit.Webhooks does not model (GitHub
/// adds actions over time); answered 2xx and otherwise ignored.
/// </summary>
/// <param name="Name">The <c>X-GitHub-Event</c> name.</param>
/// <param name="Action">The <c>action</c>, when it is the reason the delivery is not routed.</param>
public sealed record UnhandledWebhook(string Name, string? Action = null) : Webhook
{
    /// <inheritdoc />
    public override string EventName => Name;
}
