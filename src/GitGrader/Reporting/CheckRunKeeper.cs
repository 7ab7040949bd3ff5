using System.Collections.Concurrent;
using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using GitGrader.Storage;

namespace GitGrader.Reporting;

/// <summary>
/// Creates each job's check run exactly once: the id is stored with the job, and a run created
/// before a crash (but not stored) is found again by its external id instead of being duplicated.
/// In-process callers for the same job (announcer and worker) take turns.
/// </summary>
public sealed class CheckRunKeeper
{
    private readonly IGitHubClient _gitHub;
    private readonly IGradingStore _store;
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _gates = new();

    /// <summary>Creates the keeper.</summary>
    public CheckRunKeeper(IGitHubClient gitHub, IGradingStore store)
    {
        _gitHub = gitHub;
        _store = store;
    }

    /// <summary>The job's check run id, creating the run as queued when it has none.</summary>
    public async Task<long> EnsureAsync(long jobId, long? knownId, SubmissionRecord submission, string checkName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (knownId is { } known)
        {
            return known;
        }

        var gate = _gates.GetOrAdd(jobId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var repository = RepositoryRef.Parse(submission.Repository);
            var externalId = CheckRunContent.ExternalId(jobId);
            var existing = (await _gitHub.ListCheckRunsForRefAsync(submission.InstallationId, repository, submission.Sha, checkName, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(r => r.ExternalId == externalId);
            var id = existing?.Id
                ?? (await _gitHub.CreateCheckRunAsync(submission.InstallationId, repository, new NewCheckRun { Name = checkName, HeadSha = submission.Sha, ExternalId = externalId, Status = CheckRunStatus.Queued, Output = CheckRunContent.Queued }, cancellationToken).ConfigureAwait(false)).Id;
            return await _store.SetCheckRunIdAsync(jobId, id, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
            _gates.TryRemove(new KeyValuePair<long, SemaphoreSlim>(jobId, gate));
        }
    }
}
