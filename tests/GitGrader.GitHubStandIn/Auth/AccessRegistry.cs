using System.Security.Cryptography;
using GitGrader.GitHubStandIn.State;

namespace GitGrader.GitHubStandIn.Auth;

/// <summary>Installations, installation tokens, user tokens, push grants and user ids. Thread-safe.</summary>
internal sealed class AccessRegistry(TimeProvider clock, TimeSpan tokenLifetime)
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Lock _lock = new();
    private readonly Dictionary<long, InstallationRecord> _installations = [];
    private readonly Dictionary<string, (long InstallationId, DateTimeOffset ExpiresAt)> _installationTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _userTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pushGrants = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _userIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private long _nextInstallationId = 31_000_000;
    private long _nextUserId = 7_100_000;

    /// <summary>Installs the App on <paramref name="accountLogin"/>.</summary>
    public long InstallApp(string accountLogin)
    {
        var accountId = UserId(accountLogin);
        AddAccount(accountLogin);
        lock (_lock)
        {
            var id = ++_nextInstallationId;
            _installations[id] = new InstallationRecord(id, accountLogin, accountId, clock.GetUtcNow());
            return id;
        }
    }

    /// <summary>The installation, or null.</summary>
    public InstallationRecord? FindInstallation(long id)
    {
        lock (_lock)
        {
            return _installations.GetValueOrDefault(id);
        }
    }

    /// <summary>The (first) installation on the account <paramref name="accountLogin"/>, or null.</summary>
    public InstallationRecord? FindInstallationOf(string accountLogin)
    {
        lock (_lock)
        {
            return _installations.Values.OrderBy(i => i.Id).FirstOrDefault(i => i.AccountLogin.Equals(accountLogin, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>A new installation access token and when it expires.</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueInstallationToken(long installationId)
    {
        var token = "ghs_" + RandomNumberGenerator.GetString(TokenAlphabet, 36);
        var expiresAt = clock.GetUtcNow() + tokenLifetime;
        lock (_lock)
        {
            _installationTokens[token] = (installationId, expiresAt);
        }

        return (token, expiresAt);
    }

    /// <summary>A new token for the user <paramref name="login"/> (no expiry).</summary>
    public string CreateUserToken(string login)
    {
        UserId(login);
        AddAccount(login);
        var token = "ghp_" + RandomNumberGenerator.GetString(TokenAlphabet, 36);
        lock (_lock)
        {
            _userTokens[token] = login;
        }

        return token;
    }

    /// <summary>Makes <paramref name="login"/> an account that exists (<c>GET /users/{login}</c> finds it).</summary>
    public void AddAccount(string login)
    {
        lock (_lock)
        {
            _accounts.Add(login);
        }
    }

    /// <summary>True when the account exists; its login as it was first spelt is returned.</summary>
    public bool TryFindAccount(string login, out string spelt)
    {
        lock (_lock)
        {
            return _accounts.TryGetValue(login, out spelt!);
        }
    }

    /// <summary>Lets <paramref name="login"/> push to <paramref name="fullName"/>.</summary>
    public void GrantPush(string fullName, string login)
    {
        lock (_lock)
        {
            _pushGrants.Add($"{fullName}\n{login}");
        }
    }

    /// <summary>Students push to repositories named <c>…-{login}</c>, and to those granted.</summary>
    public bool CanPush(RepoRecord repository, string login)
    {
        if (repository.Name.EndsWith("-" + login, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        lock (_lock)
        {
            return _pushGrants.Contains($"{repository.FullName}\n{login}");
        }
    }

    /// <summary>A stable numeric id for a login.</summary>
    public long UserId(string login)
    {
        lock (_lock)
        {
            if (!_userIds.TryGetValue(login, out var id))
            {
                id = ++_nextUserId;
                _userIds[login] = id;
            }

            return id;
        }
    }

    /// <summary>Resolves a token (not a JWT) to its caller.</summary>
    public Caller ResolveToken(string token)
    {
        lock (_lock)
        {
            if (_installationTokens.TryGetValue(token, out var installation))
            {
                return installation.ExpiresAt > clock.GetUtcNow()
                    ? new Caller(AuthKind.InstallationToken, installation.InstallationId, null, null)
                    : Caller.Invalid("Bad credentials (the installation token expired)");
            }

            if (_userTokens.TryGetValue(token, out var login))
            {
                return new Caller(AuthKind.UserToken, null, login, null);
            }
        }

        return Caller.Invalid("Bad credentials");
    }

    /// <summary>A user access token of the App's user authorization (<c>ghu_…</c>) for <paramref name="login"/>: <c>GET /user</c> answers with that user.</summary>
    public string CreateUserAccessToken(string login)
    {
        UserId(login);
        var token = "ghu_" + RandomNumberGenerator.GetString(TokenAlphabet, 36);
        lock (_lock)
        {
            _userTokens[token] = login;
        }

        return token;
    }
}
