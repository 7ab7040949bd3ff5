using System.Net;

namespace GitGrader.AppTests.Invitations;

/// <summary>One answer a <see cref="StudentBrowser"/> got: status, where it redirects, the HTML.</summary>
public sealed record BrowserPage(HttpStatusCode Status, Uri? Location, string Html)
{
    public static async Task<BrowserPage> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(response.StatusCode, response.Headers.Location, await response.Content.ReadAsStringAsync());
    }
}
