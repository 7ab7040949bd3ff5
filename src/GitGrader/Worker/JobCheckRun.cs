using GitGrader.Classroom;
using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using GitGrader.Reporting;
using GitGrader.Storage;

namespace GitGrader.Worker;

/// <summary>
/// The check run a grade job owns on its commit, moved through queued → in progress → completed. A run not created yet is
/// created (queued) first, through the store's reservation (<see cref="CheckRunKeeper"/>), so there is one per job across
/// every process; the job's runs are found again on GitHub by their external id.
/// </summary>
public sealed class JobCheckRun
{
    private readonly IGitHubClient _gitHub;
    private readonly CheckRunKeeper _checkRuns;
    private readonly Course _course;

    /// <summary>Creates it.</summary>
    public JobCheckRun(IGitHubClient gitHub, CheckRunKeeper checkRuns, Course course)
    {
        _gitHub = gitHub;
        _checkRuns = checkRuns;
        _course = course;
    }

    /// <summary>The check's name: the assignment's, as the catalog has it now.</summary>
    public string Name(SubmissionRecord submission) => _course.Catalog.Find(submission.Assignment)?.Name ?? submission.Assignment;

    /// <summary>Brings the job's check run to <paramref name="update"/>, creating it queued first if needed; returns the run's id.</summary>
    public async Task<long> MoveAsync(ClaimedJob job, CheckRunUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var id = await _checkRuns.EnsureAsync(job.Id, job.CheckRunId, job.Submission, Name(job.Submission), cancellationToken).ConfigureAwait(false);
        await _gitHub.UpdateCheckRunAsync(job.Submission.InstallationId, RepositoryRef.Parse(job.Submission.Repository), id, update, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Whether an earlier try of the job already completed its run with a score (a retry after a crash does not update it twice).</summary>
    public async Task<bool> IsScoredAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var runs = await _gitHub.ListCheckRunsForRefAsync(job.Submission.InstallationId, RepositoryRef.Parse(job.Submission.Repository), job.Submission.Sha, Name(job.Submission), cancellationToken).ConfigureAwait(false);
        var externalId = CheckRunContent.ExternalId(job.Id);
        return runs.Any(r => r.ExternalId == externalId && r.Status == "completed" && r.Conclusion is "success" or "failure");
    }
}
