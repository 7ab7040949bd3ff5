using Octo = Octokit;

namespace GitGrader.GitHub.Rest;

/// <summary>Check runs: Octokit's typed <see cref="Octo.CheckRunsClient"/>, fed 50 annotations a request by <see cref="CheckRunRequests"/>.</summary>
internal sealed partial class GitHubClient
{
    /// <inheritdoc />
    public async Task<CheckRun> CreateCheckRunAsync(long installationId, RepositoryRef repository, NewCheckRun checkRun, CancellationToken cancellationToken)
    {
        var plan = CheckRunRequests.ForCreate(checkRun);
        var what = Describe(HttpMethod.Post, $"{Repo(repository)}/check-runs");
        var created = await AsInstallationAsync(installationId, what, connection => CheckRuns(connection).Create(repository.Owner, repository.Name, plan.First), cancellationToken).ConfigureAwait(false);
        var run = GitHubAnswers.CheckRun(created, what);
        await PatchAllAsync(installationId, repository, run.Id, plan.FollowUps, cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <inheritdoc />
    public async Task UpdateCheckRunAsync(long installationId, RepositoryRef repository, long checkRunId, CheckRunUpdate update, CancellationToken cancellationToken)
    {
        var plan = CheckRunRequests.ForUpdate(update);
        await PatchAllAsync(installationId, repository, checkRunId, [plan.First, .. plan.FollowUps], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CheckRun>> ListCheckRunsForRefAsync(long installationId, RepositoryRef repository, string gitRef, string checkName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(gitRef);
        ArgumentException.ThrowIfNullOrEmpty(checkName);
        var query = new Dictionary<string, string> { ["check_name"] = checkName, ["filter"] = "all", ["per_page"] = PageSize };
        return ListAsync<Octo.CheckRunsResponse, CheckRun>(installationId, $"{Repo(repository)}/commits/{Escape(gitRef)}/check-runs", query, GitHubAnswers.CheckRuns, cancellationToken);
    }

    private async Task PatchAllAsync(long installationId, RepositoryRef repository, long checkRunId, IReadOnlyList<Octo.CheckRunUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(checkRunId);
        var what = Describe(HttpMethod.Patch, $"{Repo(repository)}/check-runs/{checkRunId}");
        foreach (var update in updates)
        {
            await AsInstallationAsync(installationId, what, connection => CheckRuns(connection).Update(repository.Owner, repository.Name, checkRunId, update), cancellationToken).ConfigureAwait(false);
        }
    }

    private static Octo.CheckRunsClient CheckRuns(Octo.IConnection connection) => new(new Octo.ApiConnection(connection));
}
