namespace GitGrader.GitHub.Rest;

/// <summary>The body of <c>PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}</c>; null members are left out.</summary>
public sealed record CheckRunUpdate
{
    /// <summary>New status.</summary>
    public CheckRunStatus? Status { get; init; }

    /// <summary>Conclusion (sets the status to completed).</summary>
    public CheckRunConclusion? Conclusion { get; init; }

    /// <summary>When work started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When work finished.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Output; annotations beyond 50 go in further PATCHes with the same title and summary.</summary>
    public CheckRunOutput? Output { get; init; }
}
