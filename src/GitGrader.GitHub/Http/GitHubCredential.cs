using System.Net.Http.Headers;

namespace GitGrader.GitHub.Http;

/// <summary>How one request authenticates: as the App (<c>Bearer</c> JWT) or as an installation (<c>token</c>). Never printed.</summary>
internal sealed class GitHubCredential
{
    private GitHubCredential(string scheme, string secret, long? installationId)
    {
        Scheme = scheme;
        Secret = secret;
        InstallationId = installationId;
    }

    /// <summary><c>Bearer</c> or <c>token</c>.</summary>
    public string Scheme { get; }

    /// <summary>The JWT or the installation token.</summary>
    public string Secret { get; }

    /// <summary>The installation, for installation tokens.</summary>
    public long? InstallationId { get; }

    /// <summary>The App, with its JWT.</summary>
    public static GitHubCredential App(string jwt) => new("Bearer", jwt, null);

    /// <summary>An installation, with its access token.</summary>
    public static GitHubCredential Installation(long installationId, string token) => new("token", token, installationId);

    /// <summary>The <c>Authorization</c> header value.</summary>
    public AuthenticationHeaderValue ToHeader() => new(Scheme, Secret);

    /// <inheritdoc />
    public override string ToString() => InstallationId is { } id ? $"installation {id} token (redacted)" : "App JWT (redacted)";
}
