namespace GitGrader.GitHub.Webhooks;

/// <summary>A <c>check_suite</c>.</summary>
public sealed record CheckSuiteWebhook : Webhook
{
    /// <inheritdoc />
    public override string EventName => "check_suite";

    /// <summary><c>action</c>: requested, rerequested, completed.</summary>
    public required string Action { get; init; }

    /// <summary>The repository.</summary>
    public required WebhookRepository Repository { get; init; }

    /// <summary><c>check_suite.head_sha</c>.</summary>
    public required string HeadSha { get; init; }

    /// <summary><c>check_suite.head_branch</c> (null for suites not on a branch).</summary>
    public string? HeadBranch { get; init; }

    /// <summary><c>check_suite.app.id</c>.</summary>
    public long? AppId { get; init; }
}
