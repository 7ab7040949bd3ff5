namespace GitGrader.Recovery;

/// <summary>What one <see cref="BranchSweep"/> did: repositories read, undelivered heads queued, repositories that could not be read.</summary>
public sealed record SweepOutcome(int Repositories, int Queued, int Failed);
