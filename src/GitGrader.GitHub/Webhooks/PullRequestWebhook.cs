namespace GitGrader.GitHub.Webhooks;

/// <summary>A <c>pull_request</c>.</summary>
public sealed record PullRequestWebhook : Webhook
{
    /// <inheritdoc />
    public override string EventName => "pull_request";

    /// <summary><c>action</c>: opened, synchronize, reopened, closed, …</summary>
    public required string Action { get; init; }

    /// <summary>The base repository.</summary>
    public required WebhookRepository Repository { get; init; }

    /// <summary>PR number.</summary>
    public required int Number { get; init; }

    /// <summary><c>pull_request.head.sha</c>.</summary>
    public required string HeadSha { get; init; }

    /// <summary><c>pull_request.head.ref</c> (branch name).</summary>
    public required string HeadRef { get; init; }
}
