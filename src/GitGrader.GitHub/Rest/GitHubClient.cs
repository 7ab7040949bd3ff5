using GitGrader.GitHub.Auth;
using GitGrader.GitHub.Http;
using GitGrader.GitHub.Rest.Json;

namespace GitGrader.GitHub.Rest;

/// <summary>
/// <see cref="IGitHubClient"/> over a typed <see cref="HttpClient"/> whose base address is
/// <see cref="GitHubAppOptions.ApiBaseUrl"/>; every path is relative so a <c>/api/v3/</c> prefix is kept.
/// Retries and rate limits are the <see cref="GitHubRetryHandler"/>'s; tokens come from the <see cref="InstallationTokenCache"/>.
/// </summary>
internal sealed class GitHubClient(HttpClient http, AppJwtIssuer jwt, InstallationTokenCache tokens) : IGitHubClient
{
    private const string PerPage = "per_page=100";

    private readonly GitHubRestConnection _connection = new(http, tokens);

    private static GitHubJsonContext Json => GitHubJsonContext.Default;

    /// <inheritdoc />
    public async Task<AppInfo> GetAppAsync(CancellationToken cancellationToken)
    {
        var app = await _connection.SendAsync(HttpMethod.Get, "app", AsApp(), null, Json.AppResponseJson, cancellationToken).ConfigureAwait(false);
        return GitHubAnswers.App(app);
    }

    /// <inheritdoc />
    public async Task<long> GetRepositoryInstallationIdAsync(RepositoryRef repository, CancellationToken cancellationToken)
    {
        var installation = await _connection.SendAsync(HttpMethod.Get, $"{Repo(repository)}/installation", AsApp(), null, Json.InstallationResponseJson, cancellationToken).ConfigureAwait(false);
        return GitHubAnswers.InstallationId(installation);
    }

    /// <inheritdoc />
    public Task<string> GetInstallationTokenAsync(long installationId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(installationId);
        return tokens.GetAsync(installationId, ct => FetchInstallationTokenAsync(installationId, ct), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CheckRun> CreateCheckRunAsync(long installationId, RepositoryRef repository, NewCheckRun checkRun, CancellationToken cancellationToken)
    {
        var plan = CheckRunRequests.ForCreate(checkRun);
        var credential = await AsInstallationAsync(installationId, cancellationToken).ConfigureAwait(false);
        using var content = GitHubRestConnection.Json(plan.First, Json.CheckRunRequestJson);
        var created = await _connection.SendAsync(HttpMethod.Post, $"{Repo(repository)}/check-runs", credential, content, Json.CheckRunResponseJson, cancellationToken).ConfigureAwait(false);
        var run = GitHubAnswers.CheckRun(created);
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
    public async Task<IReadOnlyList<CheckRun>> ListCheckRunsForRefAsync(long installationId, RepositoryRef repository, string gitRef, string checkName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(gitRef);
        ArgumentException.ThrowIfNullOrEmpty(checkName);
        var credential = await AsInstallationAsync(installationId, cancellationToken).ConfigureAwait(false);
        var path = $"{Repo(repository)}/commits/{Escape(gitRef)}/check-runs?check_name={Escape(checkName)}&filter=all&{PerPage}";
        return await _connection.GetAllPagesAsync(path, credential, Json.CheckRunListJson, page => (page.CheckRuns ?? []).Select(GitHubAnswers.CheckRun), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PullRequestSummary>> ListPullRequestsForCommitAsync(long installationId, RepositoryRef repository, string sha, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha);
        var credential = await AsInstallationAsync(installationId, cancellationToken).ConfigureAwait(false);
        var path = $"{Repo(repository)}/commits/{Escape(sha)}/pulls?{PerPage}";
        return await _connection.GetAllPagesAsync(path, credential, Json.ListPullRequestResponseJson, page => page.Select(GitHubAnswers.PullRequest), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(long installationId, RepositoryRef repository, int issueNumber, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(issueNumber);
        var credential = await AsInstallationAsync(installationId, cancellationToken).ConfigureAwait(false);
        var path = $"{Repo(repository)}/issues/{issueNumber}/comments?{PerPage}";
        return await _connection.GetAllPagesAsync(path, credential, Json.ListIssueCommentResponseJson, page => page.Select(GitHubAnswers.Comment), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IssueComment> CreateIssueCommentAsync(long installationId, RepositoryRef repository, int issueNumber, string body, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(issueNumber);
        var credential = await AsInstallationAsync(installationId, cancellationToken).ConfigureAwait(false);
        using var content = GitHubRestConnection.Json(IssueBody(null, body), Json.IssueRequestJson);
        var comment = await _connection.SendAsync(HttpMethod.Post, $"{Repo(repository)}/issues/{issueNumber}/comments", credential, content, Json.IssueCommentResponseJson, cancellationToken).ConfigureAwait(false);
        return GitHubAnswers.Comment(comment);
    }

    /// <inheritdoc />
    public async Task UpdateIssueCommentAsync(long installationId, RepositoryRef repository, long commentId, string body, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(commentId);
        var credential = await AsInstallationAsync(installationId, cancellationToken).ConfigureAwait(false);
        using var content = GitHubRestConnection.Json(IssueBody(null, body), Json.IssueRequestJson);
        await _connection.SendAsync(HttpMethod.Patch, $"{Repo(repository)}/issues/comments/{commentId}", credential, content, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Issue>> ListIssuesAsync(long installationId, RepositoryRef repository, string? creator, CancellationToken cancellationToken)
    {
        var credential = await AsInstallationAsync(installationId, cancellationToken).ConfigureAwait(false);
        var byCreator = string.IsNullOrEmpty(creator) ? string.Empty : $"&creator={Escape(creator)}";
        var path = $"{Repo(repository)}/issues?state=all{byCreator}&{PerPage}";
        return await _connection.GetAllPagesAsync(path, credential, Json.ListIssueResponseJson, page => page.Where(issue => !GitHubAnswers.IsPullRequest(issue)).Select(GitHubAnswers.Issue), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Issue> CreateIssueAsync(long installationId, RepositoryRef repository, string title, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        var credential = await AsInstallationAsync(installationId, cancellationToken).ConfigureAwait(false);
        using var content = GitHubRestConnection.Json(IssueBody(title, body), Json.IssueRequestJson);
        var issue = await _connection.SendAsync(HttpMethod.Post, $"{Repo(repository)}/issues", credential, content, Json.IssueResponseJson, cancellationToken).ConfigureAwait(false);
        return GitHubAnswers.Issue(issue);
    }

    /// <inheritdoc />
    public async Task UpdateIssueAsync(long installationId, RepositoryRef repository, int issueNumber, string title, string body, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(issueNumber);
        ArgumentException.ThrowIfNullOrEmpty(title);
        var credential = await AsInstallationAsync(installationId, cancellationToken).ConfigureAwait(false);
        using var content = GitHubRestConnection.Json(IssueBody(title, body), Json.IssueRequestJson);
        await _connection.SendAsync(HttpMethod.Patch, $"{Repo(repository)}/issues/{issueNumber}", credential, content, cancellationToken).ConfigureAwait(false);
    }

    private static string Repo(RepositoryRef repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return $"repos/{Escape(repository.Owner)}/{Escape(repository.Name)}";
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static IssueRequestJson IssueBody(string? title, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new IssueRequestJson { Title = title, Body = TextLimits.TruncateMarkdown(body, TextLimits.MaxIssueBody) };
    }

    private GitHubCredential AsApp() => GitHubCredential.App(jwt.Create());

    private async Task<GitHubCredential> AsInstallationAsync(long installationId, CancellationToken cancellationToken)
    {
        var token = await GetInstallationTokenAsync(installationId, cancellationToken).ConfigureAwait(false);
        return GitHubCredential.Installation(installationId, token);
    }

    private async Task<InstallationAccessToken> FetchInstallationTokenAsync(long installationId, CancellationToken cancellationToken)
    {
        var answer = await _connection.SendAsync(HttpMethod.Post, $"app/installations/{installationId}/access_tokens", AsApp(), null, Json.AccessTokenResponseJson, cancellationToken).ConfigureAwait(false);
        return GitHubAnswers.AccessToken(answer);
    }

    private async Task PatchAllAsync(long installationId, RepositoryRef repository, long checkRunId, IReadOnlyList<CheckRunRequestJson> bodies, CancellationToken cancellationToken)
    {
        foreach (var body in bodies)
        {
            var credential = await AsInstallationAsync(installationId, cancellationToken).ConfigureAwait(false);
            using var content = GitHubRestConnection.Json(body, Json.CheckRunRequestJson);
            await _connection.SendAsync(HttpMethod.Patch, $"{Repo(repository)}/check-runs/{checkRunId}", credential, content, cancellationToken).ConfigureAwait(false);
        }
    }
}
