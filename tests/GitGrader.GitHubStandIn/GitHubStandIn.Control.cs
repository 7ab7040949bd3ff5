using GitGrader.GitHub;
using GitGrader.GitHubStandIn.Git;

namespace GitGrader.GitHubStandIn;

/// <summary>Test control: installations, repositories, tokens, seeding and fault injection.</summary>
public sealed partial class GitHubStandIn
{
    /// <summary>Installs the App on <paramref name="accountLogin"/> (an organisation or user); returns the installation id.</summary>
    public long InstallApp(string accountLogin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountLogin);
        return _core.Access.InstallApp(accountLogin);
    }

    /// <summary>
    /// Creates an empty bare repository <c>{owner}/{name}</c> whose HEAD is <paramref name="defaultBranch"/>,
    /// covered by <paramref name="installationId"/>.
    /// </summary>
    public async Task<RepositoryView> CreateRepositoryAsync(string owner, string name, long installationId, string defaultBranch = "main", CancellationToken cancellationToken = default)
    {
        if (!GitRepositories.IsValidName(owner) || !GitRepositories.IsValidName(name))
        {
            throw new ArgumentException($"'{owner}/{name}' is not a valid repository name (letters, digits, '.', '-', '_').");
        }

        if (_core.Access.FindInstallation(installationId) is null)
        {
            throw new ArgumentException($"No installation {installationId}; make one with InstallApp.", nameof(installationId));
        }

        var record = _core.Repositories.Add(owner, name, installationId, defaultBranch, _core.Clock.GetUtcNow());
        await _core.Git.CreateBareAsync(owner, name, defaultBranch, cancellationToken);
        return ToView(record);
    }

    /// <summary>Every repository.</summary>
    public IReadOnlyList<RepositoryView> Repositories => [.. _core.Repositories.All().Select(ToView)];

    /// <summary>A token for the user <paramref name="login"/>: git push (and fetch) to repositories named <c>…-{login}</c> or granted with <see cref="GrantPush"/>.</summary>
    public string CreateUserToken(string login)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        return _core.Access.CreateUserToken(login);
    }

    /// <summary>Lets <paramref name="login"/> push to <c>{owner}/{name}</c> (e.g. an instructor to a template).</summary>
    public void GrantPush(string owner, string name, string login)
    {
        var repository = _core.Repositories.Get(owner, name);
        _core.Access.GrantPush(repository.FullName, login);
    }

    /// <summary>An installation access token, as <c>POST /app/installations/{id}/access_tokens</c> would give (for tests that need one directly).</summary>
    public string CreateInstallationToken(long installationId)
    {
        if (_core.Access.FindInstallation(installationId) is null)
        {
            throw new ArgumentException($"No installation {installationId}.", nameof(installationId));
        }

        return _core.Access.IssueInstallationToken(installationId).Token;
    }

    /// <summary>An App JWT signed with the App's key (defaults: issued 30 s ago, expiring 9 minutes later).</summary>
    public string CreateAppJwt(DateTimeOffset? issuedAt = null, DateTimeOffset? expiresAt = null)
    {
        var iat = issuedAt ?? _core.Clock.GetUtcNow().AddSeconds(-30);
        return _core.App.CreateJwt(iat, expiresAt ?? iat.AddMinutes(9));
    }

    /// <summary>
    /// The git URL of <c>{owner}/{name}</c> with <paramref name="token"/> embedded (user <c>x-access-token</c> for
    /// installation tokens, the login for user tokens); without credentials when <paramref name="token"/> is null.
    /// </summary>
    public Uri GitRemoteUrl(string owner, string name, string? token = null)
    {
        var builder = new UriBuilder(new Uri(BaseUrl, $"{owner}/{name}.git"));
        if (token is not null)
        {
            var caller = _core.Access.ResolveToken(token);
            builder.UserName = Uri.EscapeDataString(caller.Kind == AuthKind.UserToken ? caller.Login! : "x-access-token");
            builder.Password = Uri.EscapeDataString(token);
        }

        return builder.Uri;
    }

    /// <summary>
    /// Commits <paramref name="files"/> (path → text, added to or replacing what is there) onto <paramref name="branch"/>
    /// of the bare repository directly; a new branch starts from the default branch. Sends no webhook (use a real push
    /// for that). Returns the commit sha.
    /// </summary>
    public Task<string> SeedCommitAsync(string owner, string name, string branch, IReadOnlyDictionary<string, string> files, string message = "Seed", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var repository = _core.Repositories.Get(owner, name);
        return _core.Git.SeedCommitAsync(repository.Owner, repository.Name, branch, repository.DefaultBranch, files, message, _core.Clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="count"/> commits, one on the other, onto <paramref name="branch"/> of the bare repository
    /// directly (one <c>git fast-import</c>); sends no webhook. Returns their shas, oldest first. For load tests whose
    /// deliveries must name commits the repository has (a check run on an unknown sha is refused).
    /// </summary>
    public Task<IReadOnlyList<string>> SeedCommitChainAsync(string owner, string name, string branch, int count, CancellationToken cancellationToken = default)
    {
        var repository = _core.Repositories.Get(owner, name);
        return _core.Git.SeedCommitChainAsync(repository.Owner, repository.Name, branch, repository.DefaultBranch, count, _core.Clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// The next <paramref name="count"/> REST requests (whose path contains <paramref name="pathContains"/>, when given)
    /// that pass the OpenAPI check are answered <paramref name="status"/> instead. Git requests are not affected.
    /// </summary>
    public void FailNextRequests(int count, int status = 502, string? pathContains = null) =>
        _core.Faults.Add(count, status, pathContains, null);

    /// <summary>
    /// GitHub down for <paramref name="duration"/> from now: every REST request (whose path contains
    /// <paramref name="pathContains"/>, when given) that passes the OpenAPI check is answered <paramref name="status"/>.
    /// </summary>
    public void FailRequestsFor(TimeSpan duration, int status = 503, string? pathContains = null) =>
        _core.Faults.AddOutage(DateTimeOffset.UtcNow + duration, status, pathContains);

    /// <summary>
    /// The next <paramref name="count"/> REST requests are refused as rate limited: 403 with <c>retry-after</c>,
    /// <c>x-ratelimit-remaining: 0</c> and <c>x-ratelimit-reset</c> <paramref name="retryAfter"/> from now.
    /// </summary>
    public void RateLimitNextRequests(int count, TimeSpan retryAfter) =>
        _core.Faults.Add(count, 403, null, retryAfter);

    private RepositoryView ToView(State.RepoRecord record) =>
        new(record.Id, new RepositoryRef(record.Owner, record.Name), record.InstallationId, record.DefaultBranch, new Uri(BaseUrl, $"{record.FullName}.git"));
}
