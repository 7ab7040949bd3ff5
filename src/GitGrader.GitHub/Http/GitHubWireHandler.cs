using System.Net.Http.Headers;
using GitGrader.GitHub.Rest;
using Microsoft.Extensions.Options;

namespace GitGrader.GitHub.Http;

/// <summary>
/// Beneath Octokit, puts each of its requests right for GitHub's REST API before it leaves:
/// <list type="bullet">
/// <item>it refuses a request to any origin but <see cref="GitHubAppOptions.ApiBaseUrl"/>'s: Octokit follows <c>Link</c>
/// and <c>Location</c> targets to any host and, on a redirect, keeps the <c>Authorization</c> header unless the host name
/// changes (even from https to http or to another port), so GitGrader's credentials go nowhere else;</item>
/// <item><c>X-GitHub-Api-Version: 2022-11-28</c>, which Octokit never sends;</item>
/// <item><c>Accept: application/vnd.github+json</c> where Octokit put its legacy default <c>application/vnd.github.v3+json</c>;</item>
/// <item><c>Content-Type: application/json</c> on bodies Octokit labels <c>application/x-www-form-urlencoded</c>: it
/// serializes every body as JSON, but labels it so unless the call names a content type, which its typed calls and its
/// PATCH cannot (GitGrader sends no form bodies).</item>
/// </list>
/// </summary>
internal sealed class GitHubWireHandler(IOptions<GitHubAppOptions> options) : DelegatingHandler
{
    /// <summary>The REST API version GitGrader is written against.</summary>
    public const string ApiVersion = "2022-11-28";

    /// <summary>GitHub's media type for JSON.</summary>
    public const string GitHubJson = "application/vnd.github+json";

    private const string OctokitDefaultAccept = "application/vnd.github.v3+json";
    private const string FormContentType = "application/x-www-form-urlencoded";

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var api = options.Value.ApiBaseUrl;
        if (request.RequestUri is not { IsAbsoluteUri: true } target || !SameOrigin(target, api))
        {
            throw new GitHubApiException(
                $"{request.Method} {RequestDescription.PathOf(request.RequestUri)} is addressed to {Origin(request.RequestUri)}, not to GitHub at {Origin(api)}; not sending GitGrader's credentials there.");
        }

        request.Headers.Remove("X-GitHub-Api-Version");
        request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
        if (request.Headers.Accept.Count == 0 || request.Headers.Accept.All(accept => accept.MediaType == OctokitDefaultAccept))
        {
            request.Headers.Accept.Clear();
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(GitHubJson));
        }

        if (request.Content?.Headers.ContentType?.MediaType == FormContentType)
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Same scheme, host and port.</summary>
    public static bool SameOrigin(Uri uri, Uri api)
        => Uri.Compare(uri, api, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string Origin(Uri? uri) => uri is { IsAbsoluteUri: true } ? uri.GetLeftPart(UriPartial.Authority) : "(no host)";
}
