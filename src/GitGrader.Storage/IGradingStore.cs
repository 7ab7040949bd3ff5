using GitGrader.Core.Reports;

namespace GitGrader.Storage;

/// <summary>
/// Everything GitGrader keeps: deliveries, submissions, the job queue (leases), results, the
/// pull request comment and the summary issue it maintains. SQLite by default, PostgreSQL to
/// share one queue between machines; both behave the same (the same tests run on both).
/// Every method is safe to call from many threads and processes at once.
/// </summary>
public interface IGradingStore : IReportingState, IDeliveryLog
{
    /// <summary>Creates or upgrades the schema; safe to run at every start and concurrently.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

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

    /// <summary>Persists a job's result (idempotent per job: a second save replaces the first) and marks the assignment's summary dirty.</summary>
    Task SaveResultAsync(long submissionId, long jobId, GradeReport report, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="SaveResultAsync(long, long, GradeReport, CancellationToken)"/>, and in the same
    /// transaction reserves one of the day's hidden results for the submission: granted when the
    /// submission holds one already (a re-grade of the same commit takes no second), or when fewer
    /// than <see cref="FeedbackClaim.PerDay"/> are used in the day. Exact under concurrency: two
    /// results of one student saved at once never both take the last. A report with a grader error
    /// takes none (and is refused, as it never becomes a result).
    /// </summary>
    Task<FeedbackGrant> SaveResultAsync(long submissionId, long jobId, GradeReport report, FeedbackClaim feedback, CancellationToken cancellationToken);

    /// <summary>What <paramref name="feedback"/> was granted for a saved submission, reserving nothing (to report a result again).</summary>
    Task<FeedbackGrant> GetFeedbackGrantAsync(long submissionId, FeedbackClaim feedback, CancellationToken cancellationToken);

    /// <summary>The latest result of a submission, if graded.</summary>
    Task<StoredResult?> GetLatestResultAsync(long submissionId, CancellationToken cancellationToken);

    /// <summary>Marks an assignment's summary as changed (bumps its change counter).</summary>
    Task MarkSummaryDirtyAsync(string assignment, CancellationToken cancellationToken);

    /// <summary>
    /// Claims one assignment whose summary changed since last published and was last published at
    /// least <paramref name="minInterval"/> ago (the debounce), under a lease. Null when none is due.
    /// </summary>
    Task<SummaryClaim?> ClaimDueSummaryAsync(string owner, TimeSpan minInterval, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records that the summary was published up to <paramref name="version"/>, in <paramref name="issueNumber"/>, and releases the claim.</summary>
    Task CompleteSummaryAsync(string assignment, string owner, int issueNumber, long version, CancellationToken cancellationToken);

    /// <summary>Releases a summary claim without publishing (it stays dirty).</summary>
    Task ReleaseSummaryAsync(string assignment, string owner, CancellationToken cancellationToken);

    /// <summary>Every student with a submission to the assignment: best and latest score, latest commit, attempts.</summary>
    Task<IReadOnlyList<StudentScore>> GetStudentScoresAsync(string assignment, CancellationToken cancellationToken);

    /// <summary>Queue depth by state (for health and logs).</summary>
    Task<QueueStats> GetQueueStatsAsync(CancellationToken cancellationToken);
}
