namespace GitGrader.GitHubStandIn;

/// <summary>Test control of the App's user authorization (GitHub's web OAuth flow).</summary>
public sealed partial class GitHubStandIn
{
    /// <summary>The App's client id (what <c>GitHub:ClientId</c> should be).</summary>
    public string ClientId => _core.App.ClientId;

    /// <summary>The App's client secret (what <c>GitHub:ClientSecret</c> should be).</summary>
    public string ClientSecret => _core.OAuth.ClientSecret;

    /// <summary>The App's callback URL: <c>redirect_uri</c> must be it or below it. Null (the default): any redirect_uri is accepted.</summary>
    public Uri? OAuthCallbackUrl
    {
        get => _core.OAuth.CallbackUrl;
        set => _core.OAuth.CallbackUrl = value;
    }

    /// <summary>How many code exchanges (<c>POST /login/oauth/access_token</c> with the right client credentials) were tried.</summary>
    public int OAuthExchanges => _core.OAuth.Exchanges;

    /// <summary>
    /// Who every browser is signed in to GitHub as from now on: <c>/login/oauth/authorize</c> then redirects back at once, as
    /// GitHub does for a user who authorized the App before. Null (the default): it shows a sign-in form asking for a login.
    /// </summary>
    public void SignInAs(string? login) => _core.OAuth.SignedInAs = login;
}
