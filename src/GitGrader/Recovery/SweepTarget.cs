namespace GitGrader.Recovery;

/// <summary>A repository a <see cref="BranchSweep"/> looks at; the installation, when the store knows it.</summary>
internal sealed record SweepTarget(string Repository, string Assignment, string Student, long? InstallationId);
