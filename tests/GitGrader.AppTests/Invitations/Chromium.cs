using Microsoft.Playwright;

namespace GitGrader.AppTests.Invitations;

/// <summary>
/// Debian's headless Chromium (<c>/usr/bin/chromium</c>, <c>apt-get install chromium</c>; <c>.ci/run</c> installs it) driven by
/// Playwright; Playwright's own browser download is not reachable here. Each <see cref="NewStudentAsync"/> is a browser
/// context of its own: its own cookies, as a second browser would be.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: apt-get install -y chromium (.ci/run does).");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            // --no-sandbox: the tests run as root, where Chromium's own sandbox refuses to start.
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = ["--no-sandbox"] });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh browser (context) with a phone's viewport.</summary>
    public async Task<IPage> NewStudentAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
