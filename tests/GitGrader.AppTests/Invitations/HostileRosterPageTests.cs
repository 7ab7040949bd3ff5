using System.Net;
using GitGrader.AppTests.Support;

namespace GitGrader.AppTests.Invitations;

/// <summary>Roster text reaches the pages HTML-encoded: an identifier or a name cannot inject markup.</summary>
public sealed class HostileRosterPageTests : IAsyncLifetime
{
    private const string Slug = CourseFolder.Slug;
    private const string HostileIdentifier = "<img src=x onerror=alert(1)>@uni.example";
    private const string HostileName = "\"><script>alert(2)</script>";
    private InvitationServer _server = null!;

    public async Task InitializeAsync() => _server = await InvitationServer.StartAsync(
        "identifier,github_username,github_id,name\n"
        + "\"" + HostileIdentifier + "\",,,\"" + HostileName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"\n"
        + "alice@uni.example,alice,1001,Alice\n");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ChooseAndConfirm_HostileIdentifierAndName_AreShownAsText()
    {
        using var browser = _server.NewBrowser();

        var choose = await browser.SignInAsync(Slug, "mallory");
        var confirm = await browser.GetAsync($"/a/{Slug}/confirm?identifier={Uri.EscapeDataString(HostileIdentifier)}");

        Assert.Equal(HttpStatusCode.OK, choose.Status);
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        foreach (var html in new[] { choose.Html, confirm.Html })
        {
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;@uni.example", html, StringComparison.Ordinal);
        }

        Assert.Contains("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;", confirm.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_HostileIdentifier_IsStoredAsGivenAndTheTakenPageEscapesIt()
    {
        using var mallory = _server.NewBrowser();
        await mallory.SignInAsync(Slug, "mallory");
        var confirm = await mallory.GetAsync($"/a/{Slug}/confirm?identifier={Uri.EscapeDataString(HostileIdentifier)}");
        var claimed = await mallory.PostAsync($"/a/{Slug}/claim", [new("identifier", HostileIdentifier), new("form-token", StudentBrowser.FormToken(confirm))]);
        using var eve = _server.NewBrowser();
        await eve.SignInAsync(Slug, "eve");

        var taken = await eve.GetAsync($"/a/{Slug}/confirm?identifier={Uri.EscapeDataString(HostileIdentifier)}");

        Assert.Equal(HttpStatusCode.Redirect, claimed.Status);
        Assert.Equal(HttpStatusCode.Conflict, taken.Status);
        Assert.DoesNotContain("<img", taken.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img", taken.Html, StringComparison.Ordinal);
    }
}
