namespace GitGrader.Storage;

/// <summary>A job waiting in line, in the order workers will claim it.</summary>
/// <param name="JobId">Job id.</param>
/// <param name="Kind">Grade or report.</param>
/// <param name="CheckRunId">Its check run, once created.</param>
/// <param name="Superseded">A newer push replaced it (it will be skipped in a moment, not graded).</param>
/// <param name="Submission">The submission.</param>
public sealed record QueuedJob(long JobId, JobKind Kind, long? CheckRunId, bool Superseded, SubmissionRecord Submission);
