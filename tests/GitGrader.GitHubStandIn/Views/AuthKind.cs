namespace GitGrader.GitHubStandIn;

/// <summary>How a request authenticated.</summary>
public enum AuthKind
{
    /// <summary>No credentials.</summary>
    None,

    /// <summary>A valid App JWT (<c>Authorization: Bearer</c>).</summary>
    AppJwt,

    /// <summary>A valid, unexpired installation access token.</summary>
    InstallationToken,

    /// <summary>A user token made by <see cref="GitHubStandIn.CreateUserToken"/>.</summary>
    UserToken,

    /// <summary>Credentials that were present but wrong, expired or malformed.</summary>
    Invalid,
}
