namespace GitGrader.Storage;

/// <summary>A queued job whose "queued" check run is not created yet.</summary>
/// <param name="JobId">Job id.</param>
/// <param name="Submission">The submission.</param>
public sealed record PendingCheckRun(long JobId, SubmissionRecord Submission);
