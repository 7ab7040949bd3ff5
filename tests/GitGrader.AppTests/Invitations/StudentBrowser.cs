using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace GitGrader.AppTests.Invitations;

/// <summary>A browser without script for the invitation pages: its own cookie jar, each redirect seen (not followed).</summary>
public sealed partial class StudentBrowser : IDisposable
{
    private readonly InvitationServer _server;
    private readonly HttpClient _http;

    internal StudentBrowser(InvitationServer server)
    {
        _server = server;
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public CookieContainer Cookies { get; }

    public async Task<BrowserPage> GetAsync(string pathOrUrl)
    {
        using var response = await _http.GetAsync(Resolve(pathOrUrl));
        return await BrowserPage.ReadAsync(response);
    }

    public async Task<BrowserPage> PostAsync(string pathOrUrl, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(Resolve(pathOrUrl), content);
        return await BrowserPage.ReadAsync(response);
    }

    /// <summary>From <c>/a/{slug}/signin</c> to GitHub's authorize page (the stand-in's sign-in form, answered as <paramref name="login"/>): the redirect back to the callback.</summary>
    public async Task<BrowserPage> AuthorizeAsync(string slug, string login)
    {
        var toGitHub = await GetAsync($"/a/{slug}/signin");
        Assert.Equal(HttpStatusCode.Redirect, toGitHub.Status);
        var query = QueryHelpers.ParseQuery(toGitHub.Location!.Query);
        var form = query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())).Append(new("login", login));
        var back = await PostAsync(new Uri(toGitHub.Location, "/login/oauth/authorize").AbsoluteUri, form);
        Assert.Equal(HttpStatusCode.Redirect, back.Status);
        return back;
    }

    /// <summary>Signs in as <paramref name="login"/> through the whole OAuth round trip; the page after the callback's redirect.</summary>
    public async Task<BrowserPage> SignInAsync(string slug, string login)
    {
        var back = await AuthorizeAsync(slug, login);
        var callback = await GetAsync(back.Location!.AbsoluteUri);
        Assert.True(callback.Status == HttpStatusCode.Redirect, $"callback answered {callback.Status}: {callback.Html}");
        return await GetAsync(callback.Location!.OriginalString);
    }

    /// <summary>The claim form's hidden antiforgery token in a confirm page.</summary>
    public static string FormToken(BrowserPage page) => FormTokenPattern().Match(page.Html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("no form-token in:\n" + page.Html);

    public void Dispose() => _http.Dispose();

    private Uri Resolve(string pathOrUrl) => Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
        ? absolute
        : new Uri(_server.BaseUrl, pathOrUrl);

    [GeneratedRegex("name=\"form-token\" value=\"([^\"]*)\"")]
    private static partial Regex FormTokenPattern();
}
