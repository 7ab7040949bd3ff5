namespace GitGrader.GitHub.Rest;

/// <summary>The body of <c>POST /repos/{owner}/{repo}/check-runs</c>.</summary>
public sealed record NewCheckRun
{
    /// <summary>Check name (the assignment's name).</summary>
    public required string Name { get; init; }

    /// <summary>The commit.</summary>
    public required string HeadSha { get; init; }

    /// <summary>Our id for the run (the job), so a retry finds the run it already created.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Status to create with.</summary>
    public CheckRunStatus Status { get; init; } = CheckRunStatus.Queued;

    /// <summary>When work started (with <see cref="CheckRunStatus.InProgress"/>).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Required with <see cref="CheckRunStatus.Completed"/>.</summary>
    public CheckRunConclusion? Conclusion { get; init; }

    /// <summary>With <see cref="CheckRunStatus.Completed"/>.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Output (title, summary, annotations).</summary>
    public CheckRunOutput? Output { get; init; }
}
