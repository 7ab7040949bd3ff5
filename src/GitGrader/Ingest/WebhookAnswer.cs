namespace GitGrader.Ingest;

/// <summary>The JSON answer to a delivery (GitHub shows it under "Recent Deliveries").</summary>
/// <param name="Status"><c>queued</c>, <c>duplicate</c>, <c>ignored</c> or <c>rejected</c>.</param>
/// <param name="Message">Why, in a sentence.</param>
/// <param name="SubmissionId">The submission recorded or reused.</param>
/// <param name="JobId">The job queued.</param>
public sealed record WebhookAnswer(string Status, string Message, long? SubmissionId = null, long? JobId = null);
