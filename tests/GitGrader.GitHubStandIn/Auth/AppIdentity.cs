using System.Globalization;
using System.Security.Cryptography;

namespace GitGrader.GitHubStandIn.Auth;

/// <summary>The App: id, slug, name, client id and its RSA-2048 key (PEM written to a file).</summary>
internal sealed class AppIdentity : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);

    /// <summary>Creates the identity and writes the private key (PKCS#1 PEM) to <paramref name="keyPath"/>.</summary>
    public AppIdentity(long appId, string slug, string name, string keyPath)
    {
        AppId = appId;
        Slug = slug;
        Name = name;
        ClientId = "Iv23li" + appId.ToString("x10", CultureInfo.InvariantCulture);
        PrivateKeyPem = _key.ExportRSAPrivateKeyPem();
        PrivateKeyPath = keyPath;
        File.WriteAllText(keyPath, PrivateKeyPem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>App id.</summary>
    public long AppId { get; }

    /// <summary>Slug.</summary>
    public string Slug { get; }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>Client id (also accepted as the JWT issuer, as GitHub does).</summary>
    public string ClientId { get; }

    /// <summary>The bot user's login.</summary>
    public string BotLogin => Slug + "[bot]";

    /// <summary>PKCS#1 PEM.</summary>
    public string PrivateKeyPem { get; }

    /// <summary>Where the PEM is.</summary>
    public string PrivateKeyPath { get; }

    /// <summary>Signs an App JWT.</summary>
    public string CreateJwt(DateTimeOffset issuedAt, DateTimeOffset expiresAt) =>
        AppJwt.Create(_key, AppId.ToString(CultureInfo.InvariantCulture), issuedAt, expiresAt);

    /// <summary>Null when valid, else why not.</summary>
    public string? ValidateJwt(string token, DateTimeOffset now) => AppJwt.Validate(token, _key, AppId, ClientId, now);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
