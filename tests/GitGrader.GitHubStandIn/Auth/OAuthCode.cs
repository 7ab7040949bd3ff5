namespace GitGrader.GitHubStandIn.Auth;

/// <summary>An authorization code the sign-in page handed out: whose it is and what the exchange must repeat.</summary>
internal sealed record OAuthCode(string Login, string ClientId, string RedirectUri, string? Challenge, DateTimeOffset ExpiresAt);
