namespace GitGrader.GitHub.OAuth;

/// <summary>
/// The App's user authorization, GitHub's OAuth web application flow with PKCE (S256): where to send the browser, and who
/// came back. The user access token lives only inside <see cref="SignInAsync"/>: it asks <c>GET /user</c> and is dropped,
/// never stored, returned or logged.
/// </summary>
public interface IGitHubUserAuthorization
{
    /// <summary>True when <c>GitHub:ClientId</c> and <c>GitHub:ClientSecret</c> are set.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// <c>{web base}/login/oauth/authorize?client_id&amp;redirect_uri&amp;state&amp;code_challenge&amp;code_challenge_method=S256</c>.
    /// </summary>
    Uri AuthorizeUrl(Uri redirectUri, string state, string codeChallenge);

    /// <summary>
    /// Exchanges <paramref name="code"/> (<c>POST {web base}/login/oauth/access_token</c> with the client id and secret, the
    /// same <paramref name="redirectUri"/> and the PKCE <paramref name="codeVerifier"/>) and asks <c>GET /user</c> with the token.
    /// </summary>
    /// <exception cref="GitHubSignInException">GitHub refused the code or did not answer.</exception>
    Task<GitHubUser> SignInAsync(string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken);
}
