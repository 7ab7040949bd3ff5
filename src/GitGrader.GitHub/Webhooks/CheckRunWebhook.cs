namespace GitGrader.GitHub.Webhooks;

/// <summary>A <c>check_run</c>.</summary>
public sealed record CheckRunWebhook : Webhook
{
    /// <inheritdoc />
    public override string EventName => "check_run";

    /// <summary><c>action</c>: created, completed, rerequested, requested_action.</summary>
    public required string Action { get; init; }

    /// <summary>The repository.</summary>
    public required WebhookRepository Repository { get; init; }

    /// <summary><c>check_run.id</c>.</summary>
    public required long CheckRunId { get; init; }

    /// <summary><c>check_run.name</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>check_run.head_sha</c>.</summary>
    public required string HeadSha { get; init; }

    /// <summary><c>check_run.external_id</c>.</summary>
    public string? ExternalId { get; init; }

    /// <summary><c>check_run.app.id</c>: only our own runs are re-run.</summary>
    public long? AppId { get; init; }

    /// <summary><c>check_run.check_suite.head_branch</c>.</summary>
    public string? HeadBranch { get; init; }
}
