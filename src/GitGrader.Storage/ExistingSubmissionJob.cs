namespace GitGrader.Storage;

/// <summary>Queue a job for a submission already recorded.</summary>
/// <param name="Repository"><c>owner/name</c>.</param>
/// <param name="Sha">The commit.</param>
/// <param name="Assignment">Assignment slug.</param>
/// <param name="Kind"><see cref="JobKind.Grade"/> to regrade, <see cref="JobKind.Report"/> to report the latest result again.</param>
public sealed record ExistingSubmissionJob(string Repository, string Sha, string Assignment, JobKind Kind);
