using System.Buffers.Text;
using System.Text.Json;
using GitGrader.GitHub.Auth;
using GitGrader.GitHub.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GitGrader.GitHub.Tests.Auth;

/// <summary>The App JWT: claims as GitHub wants them, and an RS256 signature another implementation accepts.</summary>
public sealed class AppJwtIssuerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);
    private readonly TestKeys _keys = new();

    public void Dispose() => _keys.Dispose();

    [Fact]
    public void Create_Claims_AreIssuerIssuedAtMinus60sAndExpiryPlus9min()
    {
        using var issuer = Issuer(_keys.Pkcs1Path, new ManualTimeProvider(Now));

        var (header, payload) = Decode(issuer.Create());

        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.GetProperty("typ").GetString());
        Assert.Equal("123", payload.GetProperty("iss").GetString());
        Assert.Equal(Now.ToUnixTimeSeconds() - 60, payload.GetProperty("iat").GetInt64());
        Assert.Equal(Now.ToUnixTimeSeconds() + (9 * 60), payload.GetProperty("exp").GetInt64());
        Assert.True(payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64() <= 600, "GitHub refuses JWTs living more than 10 minutes");
    }

    [Fact]
    public void Create_FollowsTheClock()
    {
        var clock = new ManualTimeProvider(Now);
        using var issuer = Issuer(_keys.Pkcs1Path, clock);
        issuer.Create();

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(Now.AddMinutes(30).ToUnixTimeSeconds() - 60, Decode(issuer.Create()).Payload.GetProperty("iat").GetInt64());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Create_Signature_VerifiesWithThePublicKey(bool pkcs8)
    {
        using var issuer = Issuer(pkcs8 ? _keys.Pkcs8Path : _keys.Pkcs1Path, TimeProvider.System);
        using var publicKey = System.Security.Cryptography.RSA.Create();
        publicKey.ImportFromPem(File.ReadAllText(_keys.PublicPath));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(issuer.Create(), new TokenValidationParameters
        {
            ValidIssuer = "123",
            ValidateAudience = false,
            ValidateLifetime = true,
            IssuerSigningKey = new RsaSecurityKey(publicKey.ExportParameters(false)),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task Create_SignatureFromAnotherKey_DoesNotVerify()
    {
        using var issuer = Issuer(_keys.Pkcs1Path, TimeProvider.System);
        using var otherKey = System.Security.Cryptography.RSA.Create(2048);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(issuer.Create(), new TokenValidationParameters
        {
            ValidIssuer = "123",
            ValidateAudience = false,
            IssuerSigningKey = new RsaSecurityKey(otherKey.ExportParameters(false)),
        });

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Create_MissingKeyFile_NamesThePath()
    {
        var path = Path.Combine(_keys.Folder, "no-such-key.pem");
        using var issuer = Issuer(path, TimeProvider.System);

        var ex = Assert.Throws<InvalidOperationException>(issuer.Create);

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a key at all")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n")]
    [InlineData("-----BEGIN ENCRYPTED PRIVATE KEY-----\nbm90IGEga2V5\n-----END ENCRYPTED PRIVATE KEY-----\n")]
    [InlineData("-----BEGIN CERTIFICATE-----\nbm90IGEga2V5\n-----END CERTIFICATE-----\n")]
    [InlineData("")]
    public void Create_InvalidKeyFile_NamesThePath(string content)
    {
        var path = _keys.Write("bad.pem", content);
        using var issuer = Issuer(path, TimeProvider.System);

        var ex = Assert.Throws<InvalidOperationException>(issuer.Create);

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PublicKeyOnly_NamesThePath()
    {
        using var issuer = Issuer(_keys.PublicPath, TimeProvider.System);

        var ex = Assert.Throws<InvalidOperationException>(issuer.Create);

        Assert.Contains(_keys.PublicPath, ex.Message, StringComparison.Ordinal);
        Assert.Contains("PUBLIC KEY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_KeyPathIsAFolder_NamesThePath()
    {
        using var issuer = Issuer(_keys.Folder, TimeProvider.System);

        var ex = Assert.Throws<InvalidOperationException>(issuer.Create);

        Assert.Contains(_keys.Folder, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoKeyPath_SaysWhichSetting()
    {
        using var issuer = Issuer(null, TimeProvider.System);

        var ex = Assert.Throws<InvalidOperationException>(issuer.Create);

        Assert.Contains("PrivateKeyPath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TruncatedKey_MessageHoldsNoKeyMaterial()
    {
        var lines = _keys.Rsa.ExportRSAPrivateKeyPem().Split('\n');
        var path = _keys.Write("truncated.pem", $"{lines[0]}\n{lines[1]}\n{lines[^1]}\n");
        using var issuer = Issuer(path, TimeProvider.System);

        var ex = Assert.Throws<InvalidOperationException>(issuer.Create);

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(lines[1].Trim(), ex.ToString(), StringComparison.Ordinal);
    }

    private static AppJwtIssuer Issuer(string? keyPath, TimeProvider clock)
        => new(Options.Create(new GitHubAppOptions { AppId = 123, PrivateKeyPath = keyPath }), clock);

    private static (JsonElement Header, JsonElement Payload) Decode(string jwt)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        return (header.RootElement.Clone(), payload.RootElement.Clone());
    }
}
