namespace GitGrader.Storage;

/// <summary>What <see cref="IJobQueue.QueueRegradesAsync"/> did.</summary>
/// <param name="Queued">Regrade jobs queued.</param>
/// <param name="AlreadyWaiting">Submissions skipped because a grade job of theirs waits or runs already.</param>
public sealed record RegradeOutcome(int Queued, int AlreadyWaiting);
