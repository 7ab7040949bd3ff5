using GitGrader.Storage;

namespace GitGrader.Ingest;

/// <summary>What a verified delivery leads to: a request to record (with or without work), and a short reason for the log and the answer.</summary>
/// <param name="Submission">The submission to record, if the delivery announces a commit to grade.</param>
/// <param name="SupersedesOlder">For pushes: older queued jobs of the same repository, branch and assignment are superseded.</param>
/// <param name="ExistingJob">A job for a submission recorded earlier (re-run, or report to a new pull request).</param>
/// <param name="Reason">Why, in a few words (<c>graded push</c>, <c>ignored: branch deleted</c>, …).</param>
public sealed record RouteDecision(NewSubmission? Submission, bool SupersedesOlder, ExistingSubmissionJob? ExistingJob, string Reason)
{
    /// <summary>Nothing to queue.</summary>
    public static RouteDecision Ignore(string reason) => new(null, false, null, "ignored: " + reason);

    /// <summary>True when the delivery queues work.</summary>
    public bool QueuesWork => Submission is not null || ExistingJob is not null;
}
