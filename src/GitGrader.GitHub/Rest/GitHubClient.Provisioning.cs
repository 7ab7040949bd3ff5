using System.Globalization;
using System.Net;
using System.Text.Json;
using GitGrader.GitHub.Rest.Json;
using Octo = Octokit;

namespace GitGrader.GitHub.Rest;

/// <summary>
/// What making a student's repository needs: users, repositories (from a template or empty), collaborators and their
/// invitations, git refs, pull requests and branch protection. Through the connection with GitGrader's own bodies and
/// answer models (Octokit's typed clients for these send members GitHub does not take, or hide the 201/204 difference).
/// </summary>
internal sealed partial class GitHubClient
{
    /// <inheritdoc />
    public async Task<GitHubUser?> FindUserAsync(long installationId, string login, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        var path = $"users/{Escape(login)}";
        var what = Describe(HttpMethod.Get, path);
        var response = await NullIfNotFoundAsync(AsInstallationAsync(installationId, what, connection => connection.Get<AccountJson>(Relative(path), null, Accept, cancellationToken), cancellationToken)).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }

        var user = response.Body ?? throw Absent("(a JSON object)", what);
        return new GitHubUser(user.Id is { } id and > 0 ? id : throw Absent("id", what), Need(user.Login, "login", what), user.Type ?? "User");
    }

    /// <inheritdoc />
    public async Task<GitHubRepository?> FindRepositoryAsync(long installationId, RepositoryRef repository, CancellationToken cancellationToken)
    {
        var path = Repo(repository);
        var what = Describe(HttpMethod.Get, path);
        var response = await NullIfNotFoundAsync(AsInstallationAsync(installationId, what, connection => connection.Get<RepositoryJson>(Relative(path), null, Accept, cancellationToken), cancellationToken)).ConfigureAwait(false);
        return response is null ? null : ReadRepository(response.Body, what);
    }

    /// <inheritdoc />
    public async Task<GitHubRepository> CreateRepositoryFromTemplateAsync(long installationId, RepositoryRef template, RepositoryRef repository, string description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var path = $"repos/{Escape(template.Owner)}/{Escape(template.Name)}/generate";
        var body = Json(new ProvisioningRequestJson { Owner = repository.Owner, Name = repository.Name, Description = description, Private = true, IncludeAllBranches = false });
        return await PostRepositoryAsync(installationId, path, body, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<GitHubRepository> CreateOrganizationRepositoryAsync(long installationId, RepositoryRef repository, string description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var path = $"orgs/{Escape(repository.Owner)}/repos";
        var body = Json(new ProvisioningRequestJson { Name = repository.Name, Description = description, Private = true, AutoInit = false });
        return await PostRepositoryAsync(installationId, path, body, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CollaboratorOutcome> AddCollaboratorAsync(long installationId, RepositoryRef repository, string login, string permission, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        ArgumentException.ThrowIfNullOrWhiteSpace(permission);
        var path = $"{Repo(repository)}/collaborators/{Escape(login)}";
        var what = Describe(HttpMethod.Put, path);
        var body = Json(new ProvisioningRequestJson { Permission = permission });
        var response = await AsInstallationAsync(installationId, what, connection => connection.Put<InvitationJson>(Relative(path), body), cancellationToken).ConfigureAwait(false);
        return response.HttpResponse.StatusCode switch
        {
            HttpStatusCode.Created => CollaboratorOutcome.Invited,
            HttpStatusCode.NoContent => CollaboratorOutcome.AlreadyCollaborator,
            var status => throw new GitHubApiException(string.Create(CultureInfo.InvariantCulture, $"GitHub answered {(int)status} to {what}, neither 201 (invited) nor 204 (already a collaborator)."), status),
        };
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RepositoryInvitation>> ListInvitationsAsync(long installationId, RepositoryRef repository, CancellationToken cancellationToken) =>
        ListAsync<List<InvitationJson>, RepositoryInvitation>(
            installationId,
            $"{Repo(repository)}/invitations",
            new Dictionary<string, string> { ["per_page"] = PageSize },
            (page, what) => (page ?? throw Absent("(a JSON array)", what)).Select(invitation => new RepositoryInvitation(
                invitation.Id is { } id and > 0 ? id : throw Absent("id", what),
                Need(invitation.Invitee?.Login, "invitee.login", what),
                Need(invitation.Permissions, "permissions", what))),
            cancellationToken);

    /// <inheritdoc />
    public async Task UpdateInvitationAsync(long installationId, RepositoryRef repository, long invitationId, string permissions, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(invitationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(permissions);
        var path = $"{Repo(repository)}/invitations/{invitationId}";
        var what = Describe(HttpMethod.Patch, path);
        var body = Json(new ProvisioningRequestJson { Permissions = permissions });
        await AsInstallationAsync(installationId, what, connection => connection.Patch<InvitationJson>(Relative(path), body, Accept), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string?> GetBranchShaAsync(long installationId, RepositoryRef repository, string branch, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        var path = $"{Repo(repository)}/git/ref/heads/{EscapeRef(branch)}";
        var what = Describe(HttpMethod.Get, path);
        var response = await NullIfNotFoundAsync(AsInstallationAsync(installationId, what, connection => connection.Get<GitRefJson>(Relative(path), null, Accept, cancellationToken), cancellationToken)).ConfigureAwait(false);
        return response is null ? null : Need(response.Body?.Object?.Sha, "object.sha", what);
    }

    /// <inheritdoc />
    public async Task CreateBranchAsync(long installationId, RepositoryRef repository, string branch, string sha, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha);
        var path = $"{Repo(repository)}/git/refs";
        var what = Describe(HttpMethod.Post, path);
        var body = Json(new ProvisioningRequestJson { Ref = "refs/heads/" + branch, Sha = sha });
        await AsInstallationAsync(installationId, what, connection => connection.Post<GitRefJson>(Relative(path), body, Accept, JsonContentType, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PullRequestSummary>> ListOpenPullRequestsAsync(long installationId, RepositoryRef repository, string headBranch, string baseBranch, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headBranch);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseBranch);
        var query = new Dictionary<string, string> { ["state"] = "open", ["head"] = $"{repository.Owner}:{headBranch}", ["base"] = baseBranch, ["per_page"] = PageSize };
        return ListAsync<List<PullRequestJson>, PullRequestSummary>(
            installationId,
            $"{Repo(repository)}/pulls",
            query,
            (page, what) => (page ?? throw Absent("(a JSON array)", what)).Select(pull => ReadPullRequest(pull, what)),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PullRequestSummary> CreatePullRequestAsync(long installationId, RepositoryRef repository, string title, string headBranch, string baseBranch, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var path = $"{Repo(repository)}/pulls";
        var what = Describe(HttpMethod.Post, path);
        var json = Json(new ProvisioningRequestJson { Title = title, Head = headBranch, Base = baseBranch, Body = TruncatedBody(body), MaintainerCanModify = false });
        var response = await AsInstallationAsync(installationId, what, connection => connection.Post<PullRequestJson>(Relative(path), json, Accept, JsonContentType, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return ReadPullRequest(response.Body, what);
    }

    /// <inheritdoc />
    public async Task ProtectBranchAsync(long installationId, RepositoryRef repository, string branch, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        var path = $"{Repo(repository)}/branches/{EscapeRef(branch)}/protection";
        var what = Describe(HttpMethod.Put, path);
        await AsInstallationAsync(installationId, what, connection => connection.Put<ProtectedBranchJson>(Relative(path), BranchProtectionJson.Locked), cancellationToken).ConfigureAwait(false);
    }

    private async Task<GitHubRepository> PostRepositoryAsync(long installationId, string path, string body, CancellationToken cancellationToken)
    {
        var what = Describe(HttpMethod.Post, path);
        var response = await AsInstallationAsync(installationId, what, connection => connection.Post<RepositoryJson>(Relative(path), body, Accept, JsonContentType, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return ReadRepository(response.Body, what);
    }

    /// <summary>The call's answer, or null when GitHub answered 404 (not found) or 409 (a ref of an empty repository: "Git Repository is empty.").</summary>
    private static async Task<T?> NullIfNotFoundAsync<T>(Task<T> call)
        where T : class
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (GitHubApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    private static GitHubRepository ReadRepository(RepositoryJson? json, string what)
    {
        var repository = json ?? throw Absent("(a JSON object)", what);
        return new GitHubRepository(
            repository.Id is { } id and > 0 ? id : throw Absent("id", what),
            new RepositoryRef(Need(repository.Owner?.Login, "owner.login", what), Need(repository.Name, "name", what)),
            Need(repository.DefaultBranch, "default_branch", what),
            repository.Private ?? throw Absent("private", what),
            repository.IsTemplate ?? false,
            Uri.TryCreate(repository.HtmlUrl, UriKind.Absolute, out var html) ? html : null,
            repository.CreatedAt);
    }

    private static PullRequestSummary ReadPullRequest(PullRequestJson? json, string what)
    {
        var pull = json ?? throw Absent("(the pull request)", what);
        return new PullRequestSummary(
            pull.Number is { } number and > 0 ? number : throw Absent("number", what),
            Need(pull.State, "state", what),
            Need(pull.Head?.Sha, "head.sha", what),
            Need(pull.Head?.Ref, "head.ref", what),
            pull.HtmlUrl);
    }

    /// <summary>A branch name in a path: each segment escaped, its slashes kept (<c>feature/x</c>).</summary>
    private static string EscapeRef(string branch) => string.Join('/', branch.Split('/').Select(Escape));

    private static string Json(ProvisioningRequestJson body) => JsonSerializer.Serialize(body, GitHubJsonContext.Default.ProvisioningRequestJson);

    private static string Need(string? value, string member, string what) => string.IsNullOrEmpty(value) ? throw Absent(member, what) : value;

    private static GitHubApiException Absent(string member, string what) => new($"GitHub's answer to {what} lacks '{member}'.");
}
