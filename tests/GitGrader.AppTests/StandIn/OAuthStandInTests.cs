using System.Net;
using System.Text.Json.Nodes;
using GitGrader.GitHub.OAuth;
using GitGrader.GitHubStandIn;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.AppTests.StandInTests;

/// <summary>
/// The stand-in's web OAuth endpoints as GitHub documents them, exercised with GitGrader's own sign-in client: a code for
/// the signed-in user, exchanged once with the client secret, the same redirect_uri and the PKCE verifier; every refusal a
/// 200 with <c>error</c>; the token then good for <c>GET /user</c>, which passes GitHub's OpenAPI description.
/// </summary>
public sealed class OAuthStandInTests : StandInTestBase
{
    private static readonly Uri Callback = new("http://127.0.0.1:1/oauth/callback");
    private readonly ManualClock _clock = new();
    private ServiceProvider _services = null!;
    private HttpClient _http = null!;

    protected override StandInOptions Options => new() { TimeProvider = _clock };

    private IGitHubUserAuthorization SignIn => _services.GetRequiredService<IGitHubUserAuthorization>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _services = ClientServices.For(GitHub, new Dictionary<string, string?>
        {
            ["GitHub:ClientId"] = GitHub.ClientId,
            ["GitHub:ClientSecret"] = GitHub.ClientSecret,
        });
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        GitHub.OAuthCallbackUrl = Callback;
        GitHub.SignInAs("alice");
    }

    public override async Task DisposeAsync()
    {
        _http.Dispose();
        await _services.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task SignInAsync_CodeFromTheAuthorizePage_GivesTheUserAndGetUserPassesTheOpenApiCheck()
    {
        var verifier = Pkce.NewVerifier();
        var (code, state) = await AuthorizeAsync(SignIn.AuthorizeUrl(Callback, "st4te", Pkce.ChallengeOf(verifier)));

        var user = await SignIn.SignInAsync(code, Callback, verifier, CancellationToken.None);

        Assert.Equal("st4te", state);
        Assert.Equal("alice", user.Login);
        Assert.True(user.Id > 0);
        Assert.Contains(GitHub.Requests, r => r.Path == "/api/v3/user" && r.Status == 200);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task SignInAsync_CodeUsedTwice_SecondIsBadVerificationCode()
    {
        var verifier = Pkce.NewVerifier();
        var (code, _) = await AuthorizeAsync(SignIn.AuthorizeUrl(Callback, "s", Pkce.ChallengeOf(verifier)));
        await SignIn.SignInAsync(code, Callback, verifier, CancellationToken.None);

        var replay = await Assert.ThrowsAsync<GitHubSignInException>(() => SignIn.SignInAsync(code, Callback, verifier, CancellationToken.None));

        Assert.Equal("bad_verification_code", replay.Error);
        Assert.DoesNotContain(GitHub.ClientSecret, replay.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInAsync_WrongVerifier_IsRefused()
    {
        var (code, _) = await AuthorizeAsync(SignIn.AuthorizeUrl(Callback, "s", Pkce.ChallengeOf(Pkce.NewVerifier())));

        var refused = await Assert.ThrowsAsync<GitHubSignInException>(() => SignIn.SignInAsync(code, Callback, Pkce.NewVerifier(), CancellationToken.None));

        Assert.Equal("bad_verification_code", refused.Error);
        Assert.Contains("code_verifier", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInAsync_CodeOlderThanTenMinutes_IsRefused()
    {
        var verifier = Pkce.NewVerifier();
        var (code, _) = await AuthorizeAsync(SignIn.AuthorizeUrl(Callback, "s", Pkce.ChallengeOf(verifier)));
        _clock.Advance(TimeSpan.FromMinutes(11));

        var refused = await Assert.ThrowsAsync<GitHubSignInException>(() => SignIn.SignInAsync(code, Callback, verifier, CancellationToken.None));

        Assert.Equal("bad_verification_code", refused.Error);
    }

    [Fact]
    public async Task AccessToken_WrongSecretOrRedirectUri_Are200WithGitHubsErrors()
    {
        var verifier = Pkce.NewVerifier();
        var (code, _) = await AuthorizeAsync(SignIn.AuthorizeUrl(Callback, "s", Pkce.ChallengeOf(verifier)));

        var secret = await ExchangeAsync(code, "wrong", Callback.AbsoluteUri, verifier);
        var redirect = await ExchangeAsync(code, GitHub.ClientSecret, "http://127.0.0.1:1/elsewhere", verifier);

        Assert.Equal("incorrect_client_credentials", (string?)secret["error"]);
        Assert.Equal("redirect_uri_mismatch", (string?)redirect["error"]);
        Assert.NotNull(redirect["error_description"]);
    }

    [Fact]
    public async Task Authorize_RedirectUriOutsideTheCallbackUrl_IsRefusedWithoutACode()
    {
        using var response = await _http.GetAsync(SignIn.AuthorizeUrl(new Uri("http://evil.example/oauth/callback"), "s", Pkce.ChallengeOf(Pkce.NewVerifier())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task GetUser_WithAnInstallationToken_Is403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(GitHub.ApiBaseUrl, "user"));
        request.Headers.TryAddWithoutValidation("Authorization", TokenAuth);
        request.Headers.UserAgent.ParseAdd("test");
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(string Code, string? State)> AuthorizeAsync(Uri authorize)
    {
        using var response = await _http.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = response.Headers.Location!;
        Assert.Equal(Callback.AbsoluteUri, back.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(back.Query);
        return (query["code"].ToString(), query.TryGetValue("state", out var state) ? state.ToString() : null);
    }

    private async Task<JsonObject> ExchangeAsync(string code, string secret, string redirectUri, string verifier)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(GitHub.BaseUrl, "login/oauth/access_token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = GitHub.ClientId, ["client_secret"] = secret, ["code"] = code, ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier,
            }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
