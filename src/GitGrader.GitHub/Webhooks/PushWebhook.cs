namespace GitGrader.GitHub.Webhooks;

/// <summary>A <c>push</c>.</summary>
public sealed record PushWebhook : Webhook
{
    /// <inheritdoc />
    public override string EventName => "push";

    /// <summary>The repository pushed to.</summary>
    public required WebhookRepository Repository { get; init; }

    /// <summary>Full ref, e.g. <c>refs/heads/main</c>.</summary>
    public required string Ref { get; init; }

    /// <summary>The commit the ref now points at (all zeros when deleted).</summary>
    public required string After { get; init; }

    /// <summary>True when the push deleted the ref.</summary>
    public bool Deleted { get; init; }

    /// <summary>Branch name when <see cref="Ref"/> is under <c>refs/heads/</c>, else null (tags).</summary>
    public string? Branch => Ref.StartsWith("refs/heads/", StringComparison.Ordinal) ? Ref["refs/heads/".Length..] : null;
}
