using System.Net;
using GitGrader.AppTests.Support;
using GitGrader.Classroom;
using GitGrader.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.AppTests.Invitations;

/// <summary>
/// The invitation pages' handlers, fast: <c>serve</c> in this process against the GitHub stand-in (real OAuth round trips,
/// real store), a browser without script, and a fake of our provisioner. The browser test clicks the same flow in Chromium.
/// </summary>
public sealed class InvitationFlowTests : IAsyncLifetime
{
    private const string Slug = CourseFolder.Slug;
    private InvitationServer _server = null!;

    public async Task InitializeAsync() => _server = await InvitationServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Landing_KnownAssignment_ShowsItsNameAndSignInForAPhone()
    {
        using var browser = _server.NewBrowser();

        var page = await browser.GetAsync($"/a/{Slug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("Word count", page.Html, StringComparison.Ordinal);
        Assert.Contains("Sign in with GitHub", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Landing_UnknownSlug_Is404PageWithTheSlugEscaped()
    {
        using var browser = _server.NewBrowser();

        var page = await browser.GetAsync("/a/" + Uri.EscapeDataString("<i>nope"));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("No such assignment", page.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;nope", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>nope", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RedirectsToGitHubWithStatePkceS256AndTheCallback_InAProtectedHttpOnlyLaxCookie()
    {
        using var browser = _server.NewBrowser();

        var page = await browser.GetAsync($"/a/{Slug}/signin");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var authorize = page.Location!;
        Assert.Equal(new Uri(_server.GitHub.BaseUrl, "login/oauth/authorize").AbsoluteUri, authorize.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(_server.GitHub.ClientId, query["client_id"]);
        Assert.Equal(new Uri(_server.BaseUrl, "oauth/callback").AbsoluteUri, query["redirect_uri"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].ToString().Length);
        Assert.True(query["state"].ToString().Length >= 32);
        var cookie = Assert.Single(browser.Cookies.GetAllCookies(), c => c.Name == "gitgrader-signin");
        Assert.True(cookie.HttpOnly);
        Assert.DoesNotContain(query["state"].ToString(), cookie.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_StateMismatch_ClearPageNoExchangeNoSession()
    {
        using var browser = _server.NewBrowser();
        var back = await browser.AuthorizeAsync(Slug, "alice");
        var forged = back.Location!.AbsoluteUri.Replace("state=", "state=x", StringComparison.Ordinal);

        var page = await browser.GetAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Sign-in could not be verified", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _server.GitHub.OAuthExchanges);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "gitgrader-student");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync($"/a/{Slug}/accept")).Status);
    }

    [Fact]
    public async Task Callback_WithoutTheSignInCookie_SaysTheSignInExpired()
    {
        using var starter = _server.NewBrowser();
        var back = await starter.AuthorizeAsync(Slug, "alice");
        using var other = _server.NewBrowser();

        var page = await other.GetAsync(back.Location!.AbsoluteUri);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Sign-in expired", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _server.GitHub.OAuthExchanges);
    }

    [Fact]
    public async Task Callback_UserCancelsOnGitHub_ShowsGitHubsErrorEscaped()
    {
        using var browser = _server.NewBrowser();
        var toGitHub = await browser.GetAsync($"/a/{Slug}/signin");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(toGitHub.Location!.Query);
        var form = query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())).Append(new("cancel", "1"));
        var back = await browser.PostAsync(new Uri(toGitHub.Location, "/login/oauth/authorize").AbsoluteUri, form);

        var page = await browser.GetAsync(back.Location!.AbsoluteUri);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("access_denied", page.Html, StringComparison.Ordinal);
        Assert.Contains("Open the invitation again", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_ReplayedCode_GitHubRefusesItAndThePageSaysSo()
    {
        using var browser = _server.NewBrowser();
        var first = await browser.AuthorizeAsync(Slug, "alice");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(first.Location!.AbsoluteUri)).Status);
        var usedCode = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(first.Location.Query)["code"].ToString();
        var second = await browser.AuthorizeAsync(Slug, "alice");
        var replay = second.Location!.AbsoluteUri.Replace(
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(second.Location.Query)["code"].ToString(), usedCode, StringComparison.Ordinal);

        var page = await browser.GetAsync(replay);

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Contains("bad_verification_code", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.GitHub.ClientSecret, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(usedCode, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkedStudent_GoesStraightToTheRepositoryOfTheirOwnLogin()
    {
        using var browser = _server.NewBrowser();

        var accept = await browser.SignInAsync(Slug, "alice");
        Assert.Equal(HttpStatusCode.Redirect, accept.Status);
        Assert.Equal($"/a/{Slug}/status", accept.Location!.OriginalString);
        var done = await WaitForStatusAsync(browser, "id=\"ready\"");

        Assert.Contains($"{CourseFolder.Organization}/{Slug}-alice", done.Html, StringComparison.Ordinal);
        Assert.Equal(["alice"], _server.Provisioner.Calls);
    }

    [Fact]
    public async Task UnlinkedStudent_PicksAnUnclaimedEntryConfirmsAndGetsTheirRepository()
    {
        using var browser = _server.NewBrowser();
        var choose = await browser.SignInAsync(Slug, "carol-gh");
        Assert.Equal(HttpStatusCode.OK, choose.Status);
        Assert.Contains("carol@uni.example", choose.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("alice@uni.example", choose.Html, StringComparison.Ordinal);

        var confirm = await browser.GetAsync($"/a/{Slug}/confirm?identifier=carol%40uni.example");
        var claimed = await browser.PostAsync($"/a/{Slug}/claim", [new("identifier", "carol@uni.example"), new("form-token", StudentBrowser.FormToken(confirm))]);

        Assert.Equal(HttpStatusCode.Redirect, claimed.Status);
        var done = await WaitForStatusAsync(browser, "id=\"ready\"");
        Assert.Contains($"{Slug}-carol-gh", done.Html, StringComparison.Ordinal);
        var roster = await _server.Services.GetRequiredService<LinkedRoster>().CurrentAsync(CancellationToken.None);
        Assert.Equal("carol@uni.example", roster.Find("carol-gh")?.Identifier);
    }

    [Fact]
    public async Task Claim_EntryAnotherAccountHolds_IsRefusedAndTheOtherKeepsIt()
    {
        using var carol = _server.NewBrowser();
        await carol.SignInAsync(Slug, "carol-gh");
        var carolConfirm = await carol.GetAsync($"/a/{Slug}/confirm?identifier=carol%40uni.example");
        using var mallory = _server.NewBrowser();
        await mallory.SignInAsync(Slug, "mallory");
        var malloryConfirm = await mallory.GetAsync($"/a/{Slug}/confirm?identifier=carol%40uni.example");
        await carol.PostAsync($"/a/{Slug}/claim", [new("identifier", "carol@uni.example"), new("form-token", StudentBrowser.FormToken(carolConfirm))]);

        var refused = await mallory.PostAsync($"/a/{Slug}/claim", [new("identifier", "carol@uni.example"), new("form-token", StudentBrowser.FormToken(malloryConfirm))]);
        var csvEntry = await mallory.PostAsync($"/a/{Slug}/claim", [new("identifier", "alice@uni.example"), new("form-token", StudentBrowser.FormToken(malloryConfirm))]);
        var status = await mallory.GetAsync($"/a/{Slug}/status");

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("taken", refused.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, csvEntry.Status);
        Assert.Equal($"/a/{Slug}/accept", status.Location?.OriginalString);
        var claims = await _server.Services.GetRequiredService<IRosterClaims>().ListRosterClaimsAsync(CancellationToken.None);
        Assert.Equal(["carol-gh"], claims.Select(c => c.Login));
        Assert.DoesNotContain("mallory", _server.Provisioner.Calls);
    }

    [Fact]
    public async Task Claim_WithoutTheFormToken_IsRefused()
    {
        using var browser = _server.NewBrowser();
        await browser.SignInAsync(Slug, "carol-gh");

        var page = await browser.PostAsync($"/a/{Slug}/claim", [new("identifier", "carol@uni.example")]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Empty(await _server.Services.GetRequiredService<IRosterClaims>().ListRosterClaimsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Status_WhileProvisioning_ReloadsItselfAndListsTheSteps_ThenFailureSaysWhatToDo_AndRetryFinishes()
    {
        _server.Provisioner.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Provisioner.FailWith = "The assignment's template <repo> is missing. Tell your instructor.";
        using var browser = _server.NewBrowser();
        await browser.SignInAsync(Slug, "bob");

        var running = await WaitForStatusAsync(browser, "Creating the repository");
        _server.Provisioner.Gate.SetResult();
        var failed = await WaitForStatusAsync(browser, "id=\"failed\"");
        _server.Provisioner.FailWith = null;
        var retry = await browser.GetAsync($"/a/{Slug}/retry");
        var done = await WaitForStatusAsync(browser, "id=\"ready\"");

        Assert.Contains("<meta http-equiv=\"refresh\" content=\"1\">", running.Html, StringComparison.Ordinal);
        Assert.Contains("Creating the repository", running.Html, StringComparison.Ordinal);
        Assert.Contains("template &lt;repo&gt; is missing", failed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh", failed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", failed.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, retry.Status);
        Assert.Contains($"{Slug}-bob", done.Html, StringComparison.Ordinal);
        Assert.Equal(["bob", "bob"], _server.Provisioner.Calls);
    }

    [Fact]
    public async Task Status_FailureThatMayPass_IsRetriedWhileTheStudentWaits()
    {
        _server.Provisioner.TransientFailures = 2;
        using var browser = _server.NewBrowser();
        await browser.SignInAsync(Slug, "alice");

        var done = await WaitForStatusAsync(browser, "id=\"ready\"");

        Assert.Contains($"{Slug}-alice", done.Html, StringComparison.Ordinal);
        Assert.Equal(["alice", "alice", "alice"], _server.Provisioner.Calls);
        Assert.Contains(_server.Logs.Lines, l => l.Contains("GitHub is busy; trying again.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoPageOrLogLine_HoldsTheClientSecretOrAUserToken()
    {
        using var browser = _server.NewBrowser();
        var back = await browser.AuthorizeAsync(Slug, "alice");
        var callback = await browser.GetAsync(back.Location!.AbsoluteUri);
        await WaitForStatusAsync(browser, "id=\"ready\"");

        var text = string.Join('\n', _server.Logs.Lines) + callback.Html;
        Assert.DoesNotContain(_server.GitHub.ClientSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("ghu_", text, StringComparison.Ordinal);
        Assert.Contains(_server.Logs.Lines, l => l.Contains("Signed in with GitHub: alice", StringComparison.Ordinal));
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Value.Contains("ghu_", StringComparison.Ordinal));
    }

    private static async Task<BrowserPage> WaitForStatusAsync(StudentBrowser browser, string marker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var page = await browser.GetAsync($"/a/{Slug}/status");
            if (page.Html.Contains(marker, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                Assert.Contains(marker, page.Html, StringComparison.Ordinal);
                return page;
            }

            await Task.Delay(100);
        }
    }
}
