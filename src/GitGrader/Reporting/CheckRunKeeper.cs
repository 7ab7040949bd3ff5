using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using GitGrader.Storage;

namespace GitGrader.Reporting;

/// <summary>
/// Creates each job's check run exactly once, across every process sharing the store: its creation is
/// reserved in the store, the id is stored with the job, and a run created before a crash (but not stored)
/// is found again by its external id instead of being duplicated. In-process callers for the same commit
/// (announcer and worker) take turns before they ask the store.
/// </summary>
public sealed class CheckRunKeeper
{
    private readonly IGitHubClient _gitHub;
    private readonly IReportingState _store;
    private readonly ReservedCreation _creation;

    // One gate per commit stripe: never removed, so two callers can never hold different gates for one commit.
    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Creates the keeper.</summary>
    public CheckRunKeeper(IGitHubClient gitHub, IReportingState store, ReservedCreation creation)
    {
        _gitHub = gitHub;
        _store = store;
        _creation = creation;
    }

    /// <summary>The job's check run id, creating the run as queued when it has none.</summary>
    public async Task<long> EnsureAsync(long jobId, long? knownId, SubmissionRecord submission, string checkName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (knownId is { } known)
        {
            return known;
        }

        return (await FindOrCreateAsync(jobId, submission, checkName, announcing: false, cancellationToken).ConfigureAwait(false))!.Value;
    }

    /// <summary>
    /// The announcer's call: creates the job's check run as queued, unless the commit already shows a check run of
    /// another GitGrader job. A job on such a commit grades nothing new (a report to a pull request opened later,
    /// which has no run of its own) or is a re-run, whose run the worker creates when it starts the job; a run
    /// announced for either would stay queued for ever. Null when not announced.
    /// </summary>
    public Task<long?> AnnounceAsync(long jobId, SubmissionRecord submission, string checkName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return FindOrCreateAsync(jobId, submission, checkName, announcing: true, cancellationToken);
    }

    private async Task<long?> FindOrCreateAsync(long jobId, SubmissionRecord submission, string checkName, bool announcing, CancellationToken cancellationToken)
    {
        var gate = _gates[(int)((ulong)submission.Id % (ulong)_gates.Length)];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // In another process the announcer or a worker may be creating this run now: the store lets one create it.
            // The announcer does not wait for the other: that one is creating the run it would have.
            return await _creation.GetOrCreateAsync(
                (holder, replacing, ct) => _store.ReserveCheckRunAsync(jobId, holder, ReservedCreation.Hold, replacing, ct),
                (holder, ct) => _store.ReleaseCheckRunAsync(jobId, holder, ct),
                ct => CreateAsync(jobId, submission, checkName, announcing, ct),
                wait: !announcing,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<long?> CreateAsync(long jobId, SubmissionRecord submission, string checkName, bool announcing, CancellationToken cancellationToken)
    {
        // Under the reservation: a run found by its external id was created by a holder that crashed before storing it.
        var repository = RepositoryRef.Parse(submission.Repository);
        var externalId = CheckRunContent.ExternalId(jobId);
        var runs = await _gitHub.ListCheckRunsForRefAsync(submission.InstallationId, repository, submission.Sha, checkName, cancellationToken).ConfigureAwait(false);
        var existing = runs.FirstOrDefault(r => r.ExternalId == externalId);
        if (existing is null && announcing && runs.Any(r => CheckRunContent.IsJobExternalId(r.ExternalId)))
        {
            return null;
        }

        var id = existing?.Id
            ?? (await _gitHub.CreateCheckRunAsync(submission.InstallationId, repository, new NewCheckRun { Name = checkName, HeadSha = submission.Sha, ExternalId = externalId, Status = CheckRunStatus.Queued, Output = CheckRunContent.Queued }, cancellationToken).ConfigureAwait(false)).Id;
        return await _store.SetCheckRunIdAsync(jobId, id, cancellationToken).ConfigureAwait(false);
    }
}
