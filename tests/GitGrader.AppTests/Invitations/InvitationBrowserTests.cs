using GitGrader.AppTests.Support;
using Microsoft.Playwright;

namespace GitGrader.AppTests.Invitations;

/// <summary>
/// The invitation link clicked through in headless Chromium against a real <c>gitgrader serve</c> and the GitHub stand-in:
/// the invitation, "Sign in with GitHub" (the stand-in's sign-in form), the roster entry picked and confirmed, the progress
/// page, the repository link, and the repository on "GitHub" with alice invited to push; accepting again gives the same
/// repository; a second browser as mallory cannot take alice's entry and gets only her own repository; a forged state and a
/// replayed callback end on clear pages. Every REST request serve made is checked against GitHub's OpenAPI description.
/// </summary>
[Trait("Category", "Browser")]
public sealed class InvitationBrowserTests : IAsyncLifetime
{
    private const string Slug = CourseFolder.Slug;
    private const string Organization = CourseFolder.Organization;
    private const string Roster = "identifier,github_username,github_id,name\nalice@uni.example,,,Alice Liddell\nmallory@uni.example,,,Mallory\n";

    private InvitationScenario _scenario = null!;
    private Chromium _chromium = null!;

    public async Task InitializeAsync()
    {
        _scenario = await InvitationScenario.StartAsync(Roster);
        _chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task Alice_SignsInPicksHerEntryAndGetsHerRepository_MalloryCannotTakeIt()
    {
        var gitHub = _scenario.GitHub;
        var alice = await _chromium.NewStudentAsync();
        var callbacks = new List<string>();
        var sawProgress = false;
        alice.Request += (_, request) => { if (request.Url.Contains("/oauth/callback", StringComparison.Ordinal)) { callbacks.Add(request.Url); } };
        alice.Load += (_, page) => sawProgress |= page.Url.EndsWith("/status", StringComparison.Ordinal);

        await alice.GotoAsync(Invitation);
        await Assertions.Expect(alice.Locator("h1")).ToHaveTextAsync("Word count");
        await alice.ClickAsync("#sign-in");
        await SignInOnGitHubAsync(alice, "alice");
        await alice.CheckAsync("input[value='alice@uni.example']");
        await alice.ClickAsync("#continue");
        await Assertions.Expect(alice.Locator("main")).ToContainTextAsync("alice@uni.example (Alice Liddell)");
        await alice.ClickAsync("#confirm");
        await Assertions.Expect(alice.Locator("#repository")).ToBeVisibleAsync(new() { Timeout = 90_000 });

        var aliceRepository = $"{Slug}-alice";
        Assert.True(sawProgress, "the progress page was never shown");
        Assert.Equal($"{Organization}/{aliceRepository}", await alice.Locator("#repository").TextContentAsync());
        Assert.EndsWith($"/{Organization}/{aliceRepository}", await alice.Locator("#repository").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Contains(gitHub.Repositories, r => r.Repository.FullName == $"{Organization}/{aliceRepository}");
        var invitation = Assert.Single(gitHub.Invitations(Organization, aliceRepository));
        Assert.Equal("alice", invitation.InviteeLogin);
        Assert.Equal("write", invitation.Permissions);
        Assert.True(gitHub.AcceptInvitation(Organization, aliceRepository, "alice"));
        Assert.Equal("push", gitHub.CollaboratorPermission(Organization, aliceRepository, "alice"));

        // Accepting again: straight on to the same repository, nothing new on GitHub.
        var repositories = gitHub.Repositories.Count;
        var again = await _chromium.NewStudentAsync();
        await again.GotoAsync(Invitation);
        await again.ClickAsync("#sign-in");
        await SignInOnGitHubAsync(again, "alice");
        await Assertions.Expect(again.Locator("#repository")).ToHaveTextAsync($"{Organization}/{aliceRepository}", new() { Timeout = 60_000 });
        Assert.Equal(repositories, gitHub.Repositories.Count);

        var mallory = await _chromium.NewStudentAsync();
        await mallory.GotoAsync(Invitation);
        await mallory.ClickAsync("#sign-in");
        await SignInOnGitHubAsync(mallory, "mallory");
        await Assertions.Expect(mallory.Locator("input[value='mallory@uni.example']")).ToHaveCountAsync(1);
        await Assertions.Expect(mallory.Locator("input[value='alice@uni.example']")).ToHaveCountAsync(0);
        await mallory.GotoAsync(_scenario.Url($"/a/{Slug}/confirm?identifier=alice%40uni.example").AbsoluteUri);
        await Assertions.Expect(mallory.Locator("#problem")).ToContainTextAsync("linked to another GitHub account");
        await mallory.GotoAsync(_scenario.Url($"/a/{Slug}/accept").AbsoluteUri);
        await mallory.CheckAsync("input[value='mallory@uni.example']");
        await mallory.ClickAsync("#continue");
        await mallory.ClickAsync("#confirm");
        await Assertions.Expect(mallory.Locator("#repository")).ToHaveTextAsync($"{Organization}/{Slug}-mallory", new() { Timeout = 90_000 });
        Assert.Null(gitHub.CollaboratorPermission(Organization, aliceRepository, "mallory"));
        Assert.DoesNotContain(gitHub.Invitations(Organization, aliceRepository), i => i.InviteeLogin == "mallory");
        Assert.Equal("mallory", Assert.Single(gitHub.Invitations(Organization, $"{Slug}-mallory")).InviteeLogin);

        // The callback alice's first browser went through, replayed: its state was used up.
        await alice.GotoAsync(Assert.Single(callbacks));
        await Assertions.Expect(alice.Locator("#problem")).ToContainTextAsync("used already");

        var (exitCode, listed) = await ServerProcess.RunToEndAsync(_scenario.Course.Root, "roster", "list", "--config", _scenario.Course.ConfigFile);
        Assert.Equal(0, exitCode);
        Assert.Matches(@"alice@uni\.example\s+alice\s+claimed", listed);
        Assert.Matches(@"mallory@uni\.example\s+mallory\s+claimed", listed);
        gitHub.AssertNoViolations();
        Assert.DoesNotContain(gitHub.ClientSecret, _scenario.Server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ghu_", _scenario.Server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedState_EndsOnAClearPage()
    {
        var page = await _chromium.NewStudentAsync();
        await page.GotoAsync(Invitation);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(u => u.Contains("/login/oauth/authorize", StringComparison.Ordinal));

        // GitHub's sign-in page is open, this browser's sign-in under way; an answer with some other state arrives.
        await page.GotoAsync(_scenario.Url("/oauth/callback?code=0123456789abcdef0123&state=forged").AbsoluteUri);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign-in could not be verified");
        await Assertions.Expect(page.Locator("#start-again")).ToBeVisibleAsync();
        Assert.Equal(0, _scenario.GitHub.OAuthExchanges);
    }

    private string Invitation => _scenario.Url($"/a/{Slug}").AbsoluteUri;

    private static async Task SignInOnGitHubAsync(IPage page, string login)
    {
        await page.WaitForURLAsync(u => u.Contains("/login/oauth/authorize", StringComparison.Ordinal));
        await page.FillAsync("#login", login);
        await page.ClickAsync("#authorize");
        await page.WaitForURLAsync(u => u.Contains("/a/", StringComparison.Ordinal));
    }
}
