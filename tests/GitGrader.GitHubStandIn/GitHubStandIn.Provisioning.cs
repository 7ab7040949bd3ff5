using GitGrader.GitHub;

namespace GitGrader.GitHubStandIn;

/// <summary>Test control and inspection for provisioning: accounts, templates, collaborators, invitations, locked branches, the secondary rate limit.</summary>
public sealed partial class GitHubStandIn
{
    /// <summary>Makes <paramref name="login"/> an account that exists (<c>GET /users/{login}</c> finds it; it can be invited). User tokens make their login exist too.</summary>
    public void AddUser(string login)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        _core.Access.AddAccount(login);
    }

    /// <summary>Marks <c>{owner}/{name}</c> a template repository (<c>POST …/generate</c> takes it).</summary>
    public void MarkTemplate(string owner, string name) => _core.Repositories.SetTemplate(_core.Repositories.Get(owner, name), true);

    /// <summary>The invitee accepts the invitation to <c>{owner}/{name}</c>: a collaborator with its permission from now on. False when there was none.</summary>
    public bool AcceptInvitation(string owner, string name, string login) => _core.RepositoryAccess.Accept(_core.Repositories.Get(owner, name), login);

    /// <summary>The collaborator's permission on <c>{owner}/{name}</c> (<c>pull</c>, <c>push</c>, …), or null (none, or only invited).</summary>
    public string? CollaboratorPermission(string owner, string name, string login) => _core.RepositoryAccess.PermissionOf(_core.Repositories.Get(owner, name), login);

    /// <summary>The pending invitations of <c>{owner}/{name}</c>, oldest first.</summary>
    public IReadOnlyList<InvitationView> Invitations(string owner, string name) =>
        [.. _core.RepositoryAccess.InvitationsOf(_core.Repositories.Get(owner, name)).Select(i => new InvitationView(i.Id, i.Repository.Ref, i.InviteeLogin, i.Permissions))];

    /// <summary>The locked (protected, read-only) branches of <c>{owner}/{name}</c>.</summary>
    public IReadOnlyList<string> LockedBranches(string owner, string name) => _core.RepositoryAccess.LockedBranchesOf(_core.Repositories.Get(owner, name));

    /// <summary>The commit a branch of <c>{owner}/{name}</c> points at, or null.</summary>
    public Task<string?> BranchShaAsync(string owner, string name, string branch, CancellationToken cancellationToken = default)
    {
        var repository = _core.Repositories.Get(owner, name);
        return _core.Git.ResolveCommitAsync(repository.Owner, repository.Name, "refs/heads/" + branch, cancellationToken);
    }

    /// <summary>
    /// GitHub's secondary rate limit on content creation, simulated: at most <paramref name="limit"/> content-creating requests
    /// (repositories, collaborators, pull requests, issues, comments) in any <paramref name="window"/> of wall-clock time; past
    /// that 403 with <c>retry-after</c>. GitHub documents 80 a minute and 500 an hour. <paramref name="limit"/> 0 turns it off.
    /// </summary>
    public void LimitContentCreation(int limit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        _core.ContentCreation.Configure([(limit, window)]);
    }

    /// <summary>
    /// Several such limits at once, e.g. GitHub's documented pair <c>[(80, 1 min), (500, 1 h)]</c> (or the same scaled down
    /// in time); an empty list turns the limit off.
    /// </summary>
    public void LimitContentCreation(IReadOnlyList<(int Limit, TimeSpan Window)> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _core.ContentCreation.Configure(rules);
    }

    /// <summary>How many content-creating requests the simulated secondary limit refused.</summary>
    public int ContentCreationRefusals => _core.ContentCreation.Refused;

    /// <summary>True when <c>{owner}/{name}</c> is a template repository.</summary>
    public bool IsTemplate(RepositoryRef repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return _core.Repositories.IsTemplate(_core.Repositories.Get(repository.Owner, repository.Name));
    }
}
