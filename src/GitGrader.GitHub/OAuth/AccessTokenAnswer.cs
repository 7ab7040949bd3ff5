namespace GitGrader.GitHub.OAuth;

/// <summary>GitHub's answer to <c>POST /login/oauth/access_token</c> with <c>Accept: application/json</c>: a token, or an error (still 200).</summary>
internal sealed class AccessTokenAnswer
{
    public string? AccessToken { get; set; }

    public string? TokenType { get; set; }

    public string? Error { get; set; }

    public string? ErrorDescription { get; set; }
}
