namespace GitGrader.GitHubStandIn.State;

/// <summary>
/// Who may do what to each repository: collaborators with their permission, pending invitations, and locked branches.
/// A login with a collaborator or invitation record is governed by it (an invitation gives no access until accepted);
/// other logins fall back to the stand-in's naming rule (students reach <c>…-{login}</c>). Thread-safe.
/// </summary>
internal sealed class RepositoryAccess
{
    private static readonly Dictionary<string, string> InvitationWords = new(StringComparer.Ordinal)
    {
        ["pull"] = "read", ["triage"] = "triage", ["push"] = "write", ["maintain"] = "maintain", ["admin"] = "admin",
    };

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _collaborators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, InvitationRecord> _invitations = [];
    private readonly HashSet<string> _lockedBranches = new(StringComparer.OrdinalIgnoreCase);
    private long _nextInvitationId = 48_000_000;

    /// <summary>
    /// <c>PUT …/collaborators/{login}</c>: a collaborator's permission changes (null: 204); a pending invitation's permission
    /// changes and it is returned (201); otherwise a new invitation (201).
    /// </summary>
    public InvitationRecord? Put(RepoRecord repository, string login, string permission, string inviter, DateTimeOffset now)
    {
        var words = InvitationWords[permission];
        lock (_lock)
        {
            var key = Key(repository, login);
            if (_collaborators.ContainsKey(key))
            {
                _collaborators[key] = permission;
                return null;
            }

            var pending = _invitations.Values.FirstOrDefault(i => i.Repository.Id == repository.Id && i.InviteeLogin.Equals(login, StringComparison.OrdinalIgnoreCase));
            var invitation = pending is null
                ? new InvitationRecord(++_nextInvitationId, repository, login, words, inviter, now)
                : pending with { Permissions = words };
            _invitations[invitation.Id] = invitation;
            return invitation;
        }
    }

    /// <summary>The repository's pending invitations, oldest first.</summary>
    public IReadOnlyList<InvitationRecord> InvitationsOf(RepoRecord repository)
    {
        lock (_lock)
        {
            return [.. _invitations.Values.Where(i => i.Repository.Id == repository.Id).OrderBy(i => i.Id)];
        }
    }

    /// <summary><c>PATCH …/invitations/{id}</c>; null when the repository has no such invitation.</summary>
    public InvitationRecord? UpdateInvitation(RepoRecord repository, long id, string permissions)
    {
        lock (_lock)
        {
            if (!_invitations.TryGetValue(id, out var invitation) || invitation.Repository.Id != repository.Id)
            {
                return null;
            }

            var updated = invitation with { Permissions = permissions };
            _invitations[id] = updated;
            return updated;
        }
    }

    /// <summary>The invitee accepts: a collaborator with the invitation's permission. False when there is no invitation.</summary>
    public bool Accept(RepoRecord repository, string login)
    {
        lock (_lock)
        {
            var invitation = _invitations.Values.FirstOrDefault(i => i.Repository.Id == repository.Id && i.InviteeLogin.Equals(login, StringComparison.OrdinalIgnoreCase));
            if (invitation is null)
            {
                return false;
            }

            _invitations.Remove(invitation.Id);
            _collaborators[Key(repository, login)] = InvitationWords.First(pair => pair.Value == invitation.Permissions).Key;
            return true;
        }
    }

    /// <summary>The collaborator's permission (<c>pull</c>, <c>push</c>, …), or null.</summary>
    public string? PermissionOf(RepoRecord repository, string login)
    {
        lock (_lock)
        {
            return _collaborators.GetValueOrDefault(Key(repository, login));
        }
    }

    /// <summary>True when <paramref name="login"/> has a collaborator or invitation record on the repository (then it alone decides).</summary>
    public bool Governs(RepoRecord repository, string login)
    {
        lock (_lock)
        {
            return _collaborators.ContainsKey(Key(repository, login))
                || _invitations.Values.Any(i => i.Repository.Id == repository.Id && i.InviteeLogin.Equals(login, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Locks a branch (branch protection with <c>lock_branch</c>).</summary>
    public void LockBranch(RepoRecord repository, string branch)
    {
        lock (_lock)
        {
            _lockedBranches.Add($"{repository.FullName}\n{branch}");
        }
    }

    /// <summary>The repository's locked branches.</summary>
    public IReadOnlyList<string> LockedBranchesOf(RepoRecord repository)
    {
        var prefix = repository.FullName + "\n";
        lock (_lock)
        {
            return [.. _lockedBranches.Where(b => b.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Select(b => b[prefix.Length..]).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>True for a permission <c>PUT …/collaborators</c> takes.</summary>
    public static bool IsPermission(string permission) => InvitationWords.ContainsKey(permission);

    private static string Key(RepoRecord repository, string login) => $"{repository.FullName}\n{login}";
}
