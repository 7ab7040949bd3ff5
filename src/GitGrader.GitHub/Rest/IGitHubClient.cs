namespace GitGrader.GitHub.Rest;

/// <summary>
/// The GitHub REST endpoints GitGrader uses, authenticated as the App (JWT) or as one of its
/// installations (installation token, cached until shortly before it expires). Every method
/// retries 5xx answers, dropped connections and rate limits with backoff; none logs a token.
/// Failures are <see cref="GitHubApiException"/>s naming the request (method and path, never the
/// query string or a credential) with GitHub's message and the status.
/// </summary>
/// <remarks>
/// Cancellation: the implementation stands on Octokit, whose typed calls (and whose PATCH) take no
/// <see cref="CancellationToken"/>. Each method therefore enters its <c>cancellationToken</c> in an
/// ambient scope that the HTTP handler beneath Octokit links into every request. Cancelling it
/// aborts the request in flight and any retry backoff or rate-limit wait at once, and the method
/// throws <see cref="OperationCanceledException"/>; nothing keeps running in the background. A
/// request that was already sent may have been carried out by GitHub (a check run created, a
/// comment posted) although the method throws: callers that try again look first (the check run's
/// external id, the comment's marker). However long the token lasts, each try of a request is cut
/// off after 100 seconds without an answer (then retried, up to <see cref="GitHubAppOptions.MaxAttempts"/>).
/// A token fetch shared by several callers is never cancelled: cancelling ends only this caller's wait.
/// </remarks>
public interface IGitHubClient
{
    /// <summary><c>GET /app</c>, as the App.</summary>
    Task<AppInfo> GetAppAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /app/hook/deliveries</c>, as the App: the attempts to deliver to the App's webhook, newest first, page after
    /// page (by GitHub's <c>cursor</c>) until one made before <paramref name="since"/>, or <paramref name="limit"/> attempts.
    /// </summary>
    Task<IReadOnlyList<HookDelivery>> ListHookDeliveriesAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary><c>POST /app/hook/deliveries/{id}/attempts</c>, as the App: GitHub sends that delivery again (same <c>X-GitHub-Delivery</c>).</summary>
    Task RedeliverAsync(long deliveryId, CancellationToken cancellationToken);

    /// <summary>
    /// The repository's newest <paramref name="limit"/> (at most 100) pushes, newest first, as its activity records them
    /// (installation token). Asked conditionally: while nothing changed, GitHub answers 304 and counts nothing against the
    /// rate limit.
    /// </summary>
    Task<IReadOnlyList<RepositoryPush>> ListRecentPushesAsync(long installationId, RepositoryRef repository, int limit, CancellationToken cancellationToken);

    /// <summary><c>GET /repos/{owner}/{repo}/installation</c>, as the App: the installation that can reach the repository.</summary>
    Task<long> GetRepositoryInstallationIdAsync(RepositoryRef repository, CancellationToken cancellationToken);

    /// <summary>An installation access token (<c>POST /app/installations/{id}/access_tokens</c>), cached until shortly before it expires. For git over HTTPS.</summary>
    Task<string> GetInstallationTokenAsync(long installationId, CancellationToken cancellationToken);

    /// <summary><c>POST /repos/{owner}/{repo}/check-runs</c>; annotations beyond 50 follow in PATCHes.</summary>
    Task<CheckRun> CreateCheckRunAsync(long installationId, RepositoryRef repository, NewCheckRun checkRun, CancellationToken cancellationToken);

    /// <summary><c>PATCH /repos/{owner}/{repo}/check-runs/{id}</c>, as many times as 50-annotation batches need.</summary>
    Task UpdateCheckRunAsync(long installationId, RepositoryRef repository, long checkRunId, CheckRunUpdate update, CancellationToken cancellationToken);

    /// <summary><c>GET /repos/{owner}/{repo}/commits/{ref}/check-runs?check_name=…&amp;filter=all</c>, every page.</summary>
    Task<IReadOnlyList<CheckRun>> ListCheckRunsForRefAsync(long installationId, RepositoryRef repository, string gitRef, string checkName, CancellationToken cancellationToken);

    /// <summary><c>GET /repos/{owner}/{repo}/commits/{sha}/pulls</c>: pull requests whose head is, or contains, the commit.</summary>
    Task<IReadOnlyList<PullRequestSummary>> ListPullRequestsForCommitAsync(long installationId, RepositoryRef repository, string sha, CancellationToken cancellationToken);

    /// <summary><c>GET /repos/{owner}/{repo}/issues/{number}/comments</c>, every page.</summary>
    Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(long installationId, RepositoryRef repository, int issueNumber, CancellationToken cancellationToken);

    /// <summary><c>POST /repos/{owner}/{repo}/issues/{number}/comments</c>.</summary>
    Task<IssueComment> CreateIssueCommentAsync(long installationId, RepositoryRef repository, int issueNumber, string body, CancellationToken cancellationToken);

    /// <summary><c>PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}</c>.</summary>
    Task UpdateIssueCommentAsync(long installationId, RepositoryRef repository, long commentId, string body, CancellationToken cancellationToken);

    /// <summary><c>GET /repos/{owner}/{repo}/issues?state=all&amp;creator={creator}</c>, every page (pull requests left out).</summary>
    Task<IReadOnlyList<Issue>> ListIssuesAsync(long installationId, RepositoryRef repository, string? creator, CancellationToken cancellationToken);

    /// <summary><c>POST /repos/{owner}/{repo}/issues</c>.</summary>
    Task<Issue> CreateIssueAsync(long installationId, RepositoryRef repository, string title, string body, CancellationToken cancellationToken);

    /// <summary><c>PATCH /repos/{owner}/{repo}/issues/{number}</c> (title and body).</summary>
    Task UpdateIssueAsync(long installationId, RepositoryRef repository, int issueNumber, string title, string body, CancellationToken cancellationToken);
}
