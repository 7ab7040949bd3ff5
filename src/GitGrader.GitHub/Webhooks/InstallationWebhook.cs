namespace GitGrader.GitHub.Webhooks;

/// <summary>An <c>installation</c> (created, deleted, suspend, …).</summary>
public sealed record InstallationWebhook : Webhook
{
    /// <inheritdoc />
    public override string EventName => "installation";

    /// <summary><c>action</c>.</summary>
    public required string Action { get; init; }

    /// <summary><c>installation.account.login</c>.</summary>
    public required string AccountLogin { get; init; }

    /// <summary><c>repositories[].full_name</c>, when listed.</summary>
    public IReadOnlyList<string> Repositories { get; init; } = [];
}
