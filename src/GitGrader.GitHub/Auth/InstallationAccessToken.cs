namespace GitGrader.GitHub.Auth;

/// <summary>An installation access token and when it expires; <see cref="ToString"/> never shows the token.</summary>
internal sealed class InstallationAccessToken(string token, DateTimeOffset expiresAt)
{
    /// <summary>The token (<c>ghs_…</c>).</summary>
    public string Token { get; } = token;

    /// <summary>GitHub's <c>expires_at</c>.</summary>
    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <inheritdoc />
    public override string ToString() => $"installation token (redacted), expires {ExpiresAt:u}";
}
