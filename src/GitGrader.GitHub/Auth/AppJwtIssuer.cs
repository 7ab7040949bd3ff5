using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace GitGrader.GitHub.Auth;

/// <summary>
/// Signs the App's JSON Web Token (RS256; <c>iss</c> = App id, <c>iat</c> = now − 60 s, <c>exp</c> = now + 9 min).
/// </summary>
/// <remarks>
/// Written on <see cref="RSA"/> directly rather than Microsoft.IdentityModel.JsonWebTokens: a GitHub App JWT is a fixed
/// header, three claims and one RS256 signature (about twenty lines), and that library would add four assemblies and
/// its own logging of token material for no gain. The tests verify our tokens with that library instead.
/// The key is read once, on first use, and kept for the life of the singleton.
/// </remarks>
internal sealed class AppJwtIssuer(IOptions<GitHubAppOptions> options, TimeProvider timeProvider) : IDisposable
{
    /// <summary><c>{"alg":"RS256","typ":"JWT"}</c>, base64url.</summary>
    private const string EncodedHeader = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9";

    /// <summary>How far <c>iat</c> is back-dated, against clock drift (GitHub's recommendation).</summary>
    public static readonly TimeSpan IssuedAtSkew = TimeSpan.FromSeconds(60);

    /// <summary>Lifetime from now; GitHub accepts at most 10 minutes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);

    private readonly Lock _gate = new();
    private RSA? _key;
    private bool _disposed;

    /// <summary>A fresh JWT for <c>Authorization: Bearer</c>.</summary>
    /// <exception cref="InvalidOperationException">The private key is missing, unreadable or invalid (the message names its path).</exception>
    public string Create()
    {
        var appId = options.Value.AppId;
        var now = timeProvider.GetUtcNow();
        var payload = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"iat\":{(now - IssuedAtSkew).ToUnixTimeSeconds()},\"exp\":{(now + Lifetime).ToUnixTimeSeconds()},\"iss\":\"{appId}\"}}");
        var signingInput = EncodedHeader + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        byte[] signature;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _key ??= AppPrivateKey.Load(options.Value.PrivateKeyPath);
            signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _key?.Dispose();
            _key = null;
        }
    }
}
