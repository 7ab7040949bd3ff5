using GitGrader.AppTests.Support;
using Microsoft.Playwright;

namespace GitGrader.AppTests.Invitations;

/// <summary>
/// The invitation link clicked through in headless Chromium: the invitation, "Sign in with GitHub" (the stand-in's sign-in
/// form), the roster entry picked and confirmed, the progress page, the repository link; a second browser as mallory cannot
/// take alice's entry and gets only her own repository; a forged state and a replayed callback end on clear pages.
/// </summary>
[Trait("Category", "Browser")]
public sealed class InvitationBrowserTests : IAsyncLifetime
{
    private const string Slug = CourseFolder.Slug;
    private const string Roster = "identifier,github_username,github_id,name\nalice@uni.example,,,Alice Liddell\nmallory@uni.example,,,Mallory\n";

    private InvitationServer _server = null!;
    private Chromium _chromium = null!;

    public async Task InitializeAsync()
    {
        _server = await InvitationServer.StartAsync(Roster);
        _chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Alice_SignsInPicksHerEntryAndGetsHerRepository_MalloryCannotTakeIt()
    {
        var alice = await _chromium.NewStudentAsync();
        var callbacks = new List<string>();
        alice.Request += (_, request) => { if (request.Url.Contains("/oauth/callback", StringComparison.Ordinal)) { callbacks.Add(request.Url); } };

        await alice.GotoAsync(Invitation);
        await Assertions.Expect(alice.Locator("h1")).ToHaveTextAsync("Word count");
        await alice.ClickAsync("#sign-in");
        await SignInOnGitHubAsync(alice, "alice");
        await alice.CheckAsync("input[value='alice@uni.example']");
        await alice.ClickAsync("#continue");
        await Assertions.Expect(alice.Locator("#confirm")).ToBeVisibleAsync();
        await Assertions.Expect(alice.Locator("main")).ToContainTextAsync("alice@uni.example (Alice Liddell)");
        await alice.ClickAsync("#confirm");
        await Assertions.Expect(alice.Locator("#repository")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var link = await alice.Locator("#repository").GetAttributeAsync("href");
        Assert.EndsWith($"/{CourseFolder.Organization}/{Slug}-alice", link, StringComparison.Ordinal);
        Assert.Equal(["alice"], _server.Provisioner.Calls);

        var mallory = await _chromium.NewStudentAsync();
        await mallory.GotoAsync(Invitation);
        await mallory.ClickAsync("#sign-in");
        await SignInOnGitHubAsync(mallory, "mallory");
        await Assertions.Expect(mallory.Locator("input[value='alice@uni.example']")).ToHaveCountAsync(0);
        await mallory.GotoAsync(new Uri(_server.BaseUrl, $"/a/{Slug}/confirm?identifier=alice%40uni.example").AbsoluteUri);
        await Assertions.Expect(mallory.Locator("#problem")).ToContainTextAsync("linked to another GitHub account");
        await mallory.GotoAsync(new Uri(_server.BaseUrl, $"/a/{Slug}/accept").AbsoluteUri);
        await mallory.CheckAsync("input[value='mallory@uni.example']");
        await mallory.ClickAsync("#continue");
        await mallory.ClickAsync("#confirm");
        await Assertions.Expect(mallory.Locator("#repository")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.EndsWith($"/{Slug}-mallory", await mallory.Locator("#repository").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal(["alice", "mallory"], _server.Provisioner.Calls);

        // The callback alice's browser went through, replayed: its state was used up.
        var replay = Assert.Single(callbacks);
        await alice.GotoAsync(replay);
        await Assertions.Expect(alice.Locator("#problem")).ToContainTextAsync("used already");
    }

    [Fact]
    public async Task ForgedState_EndsOnAClearPage()
    {
        var page = await _chromium.NewStudentAsync();
        await page.GotoAsync(Invitation);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(u => u.Contains("/login/oauth/authorize", StringComparison.Ordinal));

        // GitHub's sign-in page is open, this browser's sign-in under way; an answer with some other state arrives.
        await page.GotoAsync(new Uri(_server.BaseUrl, "/oauth/callback?code=0123456789abcdef0123&state=forged").AbsoluteUri);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign-in could not be verified");
        await Assertions.Expect(page.Locator("#start-again")).ToBeVisibleAsync();
        Assert.Equal(0, _server.GitHub.OAuthExchanges);
    }

    private string Invitation => new Uri(_server.BaseUrl, $"/a/{Slug}").AbsoluteUri;

    private static async Task SignInOnGitHubAsync(IPage page, string login)
    {
        await page.WaitForURLAsync(u => u.Contains("/login/oauth/authorize", StringComparison.Ordinal));
        await page.FillAsync("#login", login);
        await page.ClickAsync("#authorize");
        await page.WaitForURLAsync(u => u.Contains("/a/", StringComparison.Ordinal));
    }
}
