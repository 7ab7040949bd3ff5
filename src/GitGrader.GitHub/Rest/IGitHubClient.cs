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

    /// <summary><c>GET /orgs/{org}/installation</c>, as the App: the installation on the organisation.</summary>
    Task<long> GetOrganizationInstallationIdAsync(string organization, CancellationToken cancellationToken);

    /// <summary><c>GET /users/{username}</c> (installation token): the account, or null when no account has that login.</summary>
    Task<GitHubUser?> FindUserAsync(long installationId, string login, CancellationToken cancellationToken);

    /// <summary><c>GET /repos/{owner}/{repo}</c>: the repository, or null when it does not exist (or the installation cannot see it).</summary>
    Task<GitHubRepository?> FindRepositoryAsync(long installationId, RepositoryRef repository, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /repos/{template_owner}/{template_repo}/generate</c>: a new private repository <paramref name="repository"/>
    /// from the template's default branch. GitHub fills it in the background: its branch may appear a moment later.
    /// Content-creating: subject to the secondary rate limits.
    /// </summary>
    Task<GitHubRepository> CreateRepositoryFromTemplateAsync(long installationId, RepositoryRef template, RepositoryRef repository, string description, CancellationToken cancellationToken);

    /// <summary><c>POST /orgs/{org}/repos</c>: a new, empty, private repository <paramref name="repository"/> (its owner is the organisation). Content-creating.</summary>
    Task<GitHubRepository> CreateOrganizationRepositoryAsync(long installationId, RepositoryRef repository, string description, CancellationToken cancellationToken);

    /// <summary>
    /// <c>PUT /repos/{owner}/{repo}/collaborators/{username}</c> with <paramref name="permission"/> (<c>pull</c>, <c>push</c>, …):
    /// 201 invites the user, 204 says they were a collaborator already (whose permission it sets). Content-creating.
    /// </summary>
    Task<CollaboratorOutcome> AddCollaboratorAsync(long installationId, RepositoryRef repository, string login, string permission, CancellationToken cancellationToken);

    /// <summary><c>GET /repos/{owner}/{repo}/invitations</c>, every page: the invitations not accepted yet.</summary>
    Task<IReadOnlyList<RepositoryInvitation>> ListInvitationsAsync(long installationId, RepositoryRef repository, CancellationToken cancellationToken);

    /// <summary><c>PATCH /repos/{owner}/{repo}/invitations/{invitation_id}</c>: the permission a pending invitation grants (<c>read</c>, <c>write</c>, …).</summary>
    Task UpdateInvitationAsync(long installationId, RepositoryRef repository, long invitationId, string permissions, CancellationToken cancellationToken);

    /// <summary><c>GET /repos/{owner}/{repo}/git/ref/heads/{branch}</c>: the branch's commit, or null when there is no such branch (404, or 409 for a repository with no commit yet).</summary>
    Task<string?> GetBranchShaAsync(long installationId, RepositoryRef repository, string branch, CancellationToken cancellationToken);

    /// <summary><c>POST /repos/{owner}/{repo}/git/refs</c>: a new branch at <paramref name="sha"/> (422 when it exists).</summary>
    Task CreateBranchAsync(long installationId, RepositoryRef repository, string branch, string sha, CancellationToken cancellationToken);

    /// <summary><c>GET /repos/{owner}/{repo}/pulls?state=open&amp;head={owner}:{head}&amp;base={base}</c>, every page.</summary>
    Task<IReadOnlyList<PullRequestSummary>> ListOpenPullRequestsAsync(long installationId, RepositoryRef repository, string headBranch, string baseBranch, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /repos/{owner}/{repo}/pulls</c> from <paramref name="headBranch"/> into <paramref name="baseBranch"/> (422 "No
    /// commits between" when the head has nothing the base lacks, or when such a pull request is open already). Content-creating.
    /// </summary>
    Task<PullRequestSummary> CreatePullRequestAsync(long installationId, RepositoryRef repository, string title, string headBranch, string baseBranch, string body, CancellationToken cancellationToken);

    /// <summary>
    /// <c>PUT /repos/{owner}/{repo}/branches/{branch}/protection</c>: the branch locked (read-only for everyone, administrators
    /// included), no force push, no deletion. Idempotent.
    /// </summary>
    Task ProtectBranchAsync(long installationId, RepositoryRef repository, string branch, CancellationToken cancellationToken);
}
