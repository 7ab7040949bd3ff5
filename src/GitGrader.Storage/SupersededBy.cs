namespace GitGrader.Storage;

/// <summary>The newer submission that replaced a queued one.</summary>
/// <param name="SubmissionId">Its id.</param>
/// <param name="Sha">Its commit.</param>
public sealed record SupersededBy(long SubmissionId, string Sha);
