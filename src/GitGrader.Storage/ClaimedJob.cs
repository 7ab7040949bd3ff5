namespace GitGrader.Storage;

/// <summary>A job a worker holds under a lease.</summary>
public sealed record ClaimedJob
{
    /// <summary>Job id.</summary>
    public required long Id { get; init; }

    /// <summary>What to do.</summary>
    public required JobKind Kind { get; init; }

    /// <summary>The submission.</summary>
    public required SubmissionRecord Submission { get; init; }

    /// <summary>How many times the job has been claimed, this claim included.</summary>
    public required int Attempt { get; init; }

    /// <summary>Earlier tries that failed through GitGrader's own fault (not an outage of GitHub or the store): what <c>Worker:MaxAttempts</c> bounds.</summary>
    public int Failures { get; init; }

    /// <summary>When the job was queued.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The check run created for the job, once created.</summary>
    public long? CheckRunId { get; init; }

    /// <summary>When set, a newer submission superseded this one before it was graded: conclude as skipped.</summary>
    public SupersededBy? SupersededBy { get; init; }

    /// <summary>The lease owner (worker id) that must be passed back.</summary>
    public required string LeaseOwner { get; init; }

    /// <summary>When the lease runs out unless renewed.</summary>
    public required DateTimeOffset LeaseExpiresAt { get; init; }
}
