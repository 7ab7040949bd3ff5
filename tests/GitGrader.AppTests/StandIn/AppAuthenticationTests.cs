using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn;

namespace GitGrader.AppTests.StandInTests;

/// <summary>The App's JWT and installation tokens follow GitHub's rules.</summary>
public sealed class AppAuthenticationTests : StandInTestBase
{
    private readonly ManualClock _clock = new();

    protected override StandInOptions Options => new() { TimeProvider = _clock, InstallationTokenLifetime = TimeSpan.FromHours(1) };

    [Fact]
    public async Task GetApp_ValidJwt_ReturnsTheApp()
    {
        var answer = await Api.GetAsync("app", AppAuth);

        Assert.Equal(200, answer.Status);
        Assert.Equal(GitHub.AppId, answer.Body!["id"]!.GetValue<long>());
        Assert.Equal(GitHub.AppSlug, answer.Body["slug"]!.GetValue<string>());
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task GetApp_JwtSignedWithTheKeyFile_IsAccepted()
    {
        using var key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(GitHub.PrivateKeyPath));
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();

        var answer = await Api.GetAsync("app", "Bearer " + Jwt(key, now - 60, now + 540, GitHub.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(200, answer.Status);
    }

    [Fact]
    public async Task GetApp_ExpiredJwt_Is401()
    {
        var now = _clock.GetUtcNow();

        var answer = await Api.GetAsync("app", "Bearer " + GitHub.CreateAppJwt(now.AddMinutes(-11), now.AddMinutes(-1)));

        Assert.Equal(401, answer.Status);
        Assert.Contains("'Expiration time' claim ('exp')", answer.Body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApp_JwtLivingLongerThanTenMinutes_Is401()
    {
        var now = _clock.GetUtcNow();

        var answer = await Api.GetAsync("app", "Bearer " + GitHub.CreateAppJwt(now, now.AddSeconds(601)));

        Assert.Equal(401, answer.Status);
        Assert.Contains("too far in the future", answer.Body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApp_JwtIssuedInTheFuture_Is401_WithinSixtySecondsIsTolerated()
    {
        var now = _clock.GetUtcNow();

        var future = await Api.GetAsync("app", "Bearer " + GitHub.CreateAppJwt(now.AddSeconds(90), now.AddMinutes(5)));
        var skewed = await Api.GetAsync("app", "Bearer " + GitHub.CreateAppJwt(now.AddSeconds(30), now.AddMinutes(5)));

        Assert.Equal(401, future.Status);
        Assert.Contains("'Issued at' claim ('iat')", future.Body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, skewed.Status);
    }

    [Fact]
    public async Task GetApp_JwtSignedWithAnotherKey_Is401()
    {
        using var other = RSA.Create(2048);
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();

        var answer = await Api.GetAsync("app", "Bearer " + Jwt(other, now - 30, now + 300, GitHub.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(401, answer.Status);
        Assert.Contains("could not be decoded", answer.Body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApp_WrongIssuerOrNoJwt_Is401()
    {
        using var key = RSA.Create();
        key.ImportFromPem(GitHub.PrivateKeyPem);
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();

        var wrongIssuer = await Api.GetAsync("app", "Bearer " + Jwt(key, now - 30, now + 300, "999"));
        var none = await Api.GetAsync("app", null);
        var token = await Api.GetAsync("app", TokenAuth);

        Assert.Equal((401, 401, 401), (wrongIssuer.Status, none.Status, token.Status));
        Assert.Equal([AuthKind.Invalid, AuthKind.None, AuthKind.InstallationToken], GitHub.Requests.Select(r => r.Auth));
    }

    [Fact]
    public async Task GetRepositoryInstallation_AsTheApp_FindsTheInstallation_404ForUnknownRepository()
    {
        var found = await Api.GetAsync($"repos/{Org}/{Repo}/installation", AppAuth);
        var missing = await Api.GetAsync($"repos/{Org}/no-such-repo/installation", AppAuth);

        Assert.Equal(200, found.Status);
        Assert.Equal(InstallationId, found.Body!["id"]!.GetValue<long>());
        Assert.Equal(Org, found.Body["account"]!["login"]!.GetValue<string>());
        Assert.Equal(404, missing.Status);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task AccessToken_WorksUntilItExpires_ThenIs401()
    {
        var created = await Api.PostAsync($"app/installations/{InstallationId}/access_tokens", AppAuth, null);
        var token = created.Body!["token"]!.GetValue<string>();
        var expiresAt = DateTimeOffset.Parse(created.Body["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        var fresh = await Api.GetAsync($"repos/{Org}/{Repo}/issues", "token " + token);
        _clock.Advance(TimeSpan.FromMinutes(59));
        var bearer = await Api.GetAsync($"repos/{Org}/{Repo}/issues", "Bearer " + token);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await Api.GetAsync($"repos/{Org}/{Repo}/issues", "token " + token);

        Assert.Equal(201, created.Status);
        Assert.StartsWith("ghs_", token, StringComparison.Ordinal);
        Assert.InRange(expiresAt - _clock.GetUtcNow().AddMinutes(-61), TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        Assert.Equal((200, 200, 401), (fresh.Status, bearer.Status, expired.Status));
        Assert.Equal("Bad credentials (the installation token expired)", expired.Body!["message"]!.GetValue<string>());
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task AccessToken_ForUnknownInstallation_Is404_WithoutJwtIs401()
    {
        var unknown = await Api.PostAsync("app/installations/12345/access_tokens", AppAuth, null);
        var anonymous = await Api.PostAsync($"app/installations/{InstallationId}/access_tokens", null, null);

        Assert.Equal((404, 401), (unknown.Status, anonymous.Status));
    }

    [Fact]
    public async Task InstallationEndpoints_OtherInstallationsToken_Is404_JwtIs403_GarbageIs401()
    {
        var otherInstallation = GitHub.InstallApp("other-org");
        await GitHub.CreateRepositoryAsync("other-org", "secret", otherInstallation);

        var foreign = await Api.GetAsync("repos/other-org/secret/issues", TokenAuth);
        var jwt = await Api.GetAsync($"repos/{Org}/{Repo}/issues", AppAuth);
        var garbage = await Api.GetAsync($"repos/{Org}/{Repo}/issues", "token ghs_garbage");
        var missing = await Api.GetAsync($"repos/{Org}/{Repo}/issues", null);

        Assert.Equal((404, 403, 401, 401), (foreign.Status, jwt.Status, garbage.Status, missing.Status));
    }

    private static string Jwt(RSA key, long iat, long exp, string issuer)
    {
        static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = Encode(Encoding.UTF8.GetBytes("""{"alg":"RS256","typ":"JWT"}"""));
        var payload = Encode(Encoding.UTF8.GetBytes(new JsonObject { ["iat"] = iat, ["exp"] = exp, ["iss"] = issuer }.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Encode(signature)}";
    }
}
