namespace GitGrader.Storage;

/// <summary>What one delivery asks the store to record, all in one transaction.</summary>
public sealed record IngestRequest
{
    /// <summary>The delivery (deduplicated by id).</summary>
    public required IncomingDelivery Delivery { get; init; }

    /// <summary>A commit to grade (push, pull request); null for deliveries that grade nothing.</summary>
    public NewSubmission? Submission { get; init; }

    /// <summary>
    /// True for a push: queued grade jobs of older submissions on the same repository, branch and
    /// assignment are superseded by this one (they end as skipped check runs, ungraded).
    /// </summary>
    public bool SupersedesOlder { get; init; }

    /// <summary>
    /// For a re-run (check run or suite rerequested) or a pull request on an already graded commit:
    /// the (repository, sha, assignment) of an existing submission to queue a job for.
    /// Ignored when <see cref="Submission"/> is set.
    /// </summary>
    public ExistingSubmissionJob? ExistingSubmissionJob { get; init; }
}
