namespace GitGrader.Storage;

/// <summary>A student repository the store has submissions of (<see cref="IDeliveryLog.ListKnownRepositoriesAsync"/>).</summary>
public sealed record KnownRepository(string Repository, string Assignment, string Student, long InstallationId);
