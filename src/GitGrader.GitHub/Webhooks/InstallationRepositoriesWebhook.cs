namespace GitGrader.GitHub.Webhooks;

/// <summary>An <c>installation_repositories</c> (added, removed).</summary>
public sealed record InstallationRepositoriesWebhook : Webhook
{
    /// <inheritdoc />
    public override string EventName => "installation_repositories";

    /// <summary><c>action</c>.</summary>
    public required string Action { get; init; }

    /// <summary><c>installation.account.login</c>.</summary>
    public required string AccountLogin { get; init; }

    /// <summary><c>repositories_added[].full_name</c>.</summary>
    public IReadOnlyList<string> Added { get; init; } = [];

    /// <summary><c>repositories_removed[].full_name</c>.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];
}
