using GitGrader.Core.Reports;

namespace GitGrader.Storage;

/// <summary>Grades: a job's result (with the day's hidden-result allowance), a submission's latest, the roster's scores.</summary>
public interface IResultStore
{
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

    /// <summary>Every student with a submission to the assignment: best and latest score, latest commit, attempts.</summary>
    Task<IReadOnlyList<StudentScore>> GetStudentScoresAsync(string assignment, CancellationToken cancellationToken);
}
