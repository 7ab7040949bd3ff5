namespace GitGrader.Storage;

/// <summary>How many jobs are in each state.</summary>
public sealed record QueueStats(int Queued, int Running, int Done, int Failed);
