namespace GitGrader.Storage;

/// <summary>
/// The deliveries GitGrader took and the jobs they queued: ingest, regrades, the claim and lease of a job, its end.
/// Every method is safe to call from many threads and processes at once.
/// </summary>
public interface IJobQueue
{
    /// <summary>
    /// In one transaction: records the delivery (or returns <see cref="IngestOutcome.Seen"/> if its
    /// id is known, recording nothing), then the submission and its grade job. A submission is
    /// unique by (repository, sha, assignment): a second delivery for the same commit reuses it and
    /// queues nothing new. With <see cref="IngestRequest.SupersedesOlder"/>, queued grade jobs of older
    /// submissions on the same repository, branch and assignment are marked superseded.
    /// </summary>
    Task<IngestOutcome> IngestAsync(IngestRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Queues a regrade of every submission of <paramref name="assignment"/> (of <paramref name="student"/> only, when given;
    /// of each student's latest only, with <paramref name="latestOnly"/>) in the regrade lane, which workers take only when no
    /// live job is due. Each regrade keeps its submission's check run, so the run is updated in place. A submission that
    /// already has a grade job waiting or running gets none: asking twice queues nothing twice.
    /// </summary>
    Task<RegradeOutcome> QueueRegradesAsync(string assignment, string? student, bool latestOnly, CancellationToken cancellationToken);

    /// <summary>The submission of a (repository, sha, assignment), if recorded.</summary>
    Task<SubmissionRecord?> FindSubmissionAsync(string repository, string sha, string assignment, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the oldest runnable job: queued and due, or running with an expired lease (a crashed
    /// worker's). Increments its attempt count. Null when there is none.
    /// PostgreSQL uses <c>FOR UPDATE SKIP LOCKED</c>.
    /// </summary>
    Task<ClaimedJob?> ClaimNextJobAsync(string workerId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends a held lease; false when the lease was lost (expired and taken by another worker).</summary>
    Task<bool> RenewLeaseAsync(long jobId, string workerId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The workers that hold leases of running jobs now (to find those of a process that died).</summary>
    Task<IReadOnlyList<string>> ListLeaseOwnersAsync(CancellationToken cancellationToken);

    /// <summary>Ends at once the leases <paramref name="workerId"/> holds (its process died), so the jobs are claimed again now; returns how many.</summary>
    Task<int> ExpireLeasesAsync(string workerId, CancellationToken cancellationToken);

    /// <summary>Marks the job done.</summary>
    Task CompleteJobAsync(long jobId, string workerId, CancellationToken cancellationToken);

    /// <summary>
    /// Puts the job back in the queue, due at <paramref name="notBefore"/>, with the error that stopped it; a try that failed
    /// through GitGrader's own fault is counted in <see cref="ClaimedJob.Failures"/> (<paramref name="countsAsFailure"/>), an
    /// outage of what it depends on is not.
    /// </summary>
    Task RetryJobAsync(long jobId, string workerId, string error, DateTimeOffset notBefore, bool countsAsFailure, CancellationToken cancellationToken);

    /// <summary>Marks the job failed for good (attempts exhausted), with the error.</summary>
    Task FailJobAsync(long jobId, string workerId, string error, CancellationToken cancellationToken);

    /// <summary>Queue depth by state (for health and logs).</summary>
    Task<QueueStats> GetQueueStatsAsync(CancellationToken cancellationToken);
}
