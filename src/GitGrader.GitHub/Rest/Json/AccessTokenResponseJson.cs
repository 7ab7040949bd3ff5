namespace GitGrader.GitHub.Rest.Json;

/// <summary><c>POST /app/installations/{id}/access_tokens</c>.</summary>
internal sealed class AccessTokenResponseJson
{
    public string? Token { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}
