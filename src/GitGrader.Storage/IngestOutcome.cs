namespace GitGrader.Storage;

/// <summary>What <see cref="IJobQueue.IngestAsync"/> did.</summary>
/// <param name="Duplicate">True when the delivery id was seen before: nothing was recorded.</param>
/// <param name="SubmissionId">The submission created or reused, if any.</param>
/// <param name="JobId">The job queued, if any.</param>
/// <param name="SupersededJobIds">Queued jobs this submission superseded.</param>
public sealed record IngestOutcome(bool Duplicate, long? SubmissionId, long? JobId, IReadOnlyList<long> SupersededJobIds)
{
    /// <summary>The outcome for a delivery seen before.</summary>
    public static IngestOutcome Seen { get; } = new(true, null, null, []);
}
