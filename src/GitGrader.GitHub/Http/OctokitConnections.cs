using GitGrader.GitHub.Auth;
using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Internal;

namespace GitGrader.GitHub.Http;

/// <summary>
/// Octokit <see cref="Connection"/>s for one <see cref="Rest.GitHubClient"/>, all over one Octokit
/// <see cref="HttpClientAdapter"/> whose handler comes from <see cref="IHttpMessageHandlerFactory"/> (named
/// <see cref="HttpClientName"/>: <see cref="GitHubWireHandler"/>, <see cref="GitHubRetryHandler"/>, logging with
/// <c>Authorization</c> redacted). Each call gets a connection of its own with its one credential, so concurrent calls for
/// many installations share no mutable credential. The base address is <see cref="GitHubAppOptions.ApiBaseUrl"/> exactly:
/// <see cref="Connection"/> resolves every path against it, so a <c>/api/v3/</c> prefix or a stand-in's root is kept
/// (Octokit's <c>GitHubClient(product, uri)</c> would replace any path of a non-github.com host by <c>/api/v3/</c>).
/// </summary>
internal sealed class OctokitConnections
{
    /// <summary>The <see cref="IHttpClientFactory"/> name whose handlers Octokit's requests go through.</summary>
    public const string HttpClientName = "GitGrader.GitHub";

    private static readonly ProductHeaderValue Product = new("GitGrader");
    private static readonly SimpleJsonSerializer Serializer = new();

    private readonly UntimedOctokitHttpClient _http;
    private readonly AppJwtIssuer _jwt;

    public OctokitConnections(IHttpMessageHandlerFactory handlers, IOptions<GitHubAppOptions> options, AppJwtIssuer jwt)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(options);
        BaseAddress = options.Value.ApiBaseUrl;
        _jwt = jwt;

        // Not disposed, as typed HttpClients are not: the handler belongs to the factory, which disposes it.
        // Rate-limit waits can outlast 100 s, HttpClient's default and each Octokit request's own: both are off, and
        // GitHubRetryHandler bounds each try instead.
        _http = new UntimedOctokitHttpClient(new HttpClientAdapter(() => handlers.CreateHandler(HttpClientName)));
        _http.SetRequestTimeout(Timeout.InfiniteTimeSpan);
    }

    /// <summary><see cref="GitHubAppOptions.ApiBaseUrl"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A connection as the App, with a fresh JWT (<c>Authorization: Bearer</c>).</summary>
    public IConnection AsApp() => Create(new Credentials(_jwt.Create(), AuthenticationType.Bearer));

    /// <summary>A connection as an installation, with its access token (<c>Authorization: Token</c>).</summary>
    public IConnection AsInstallation(string token) => Create(new Credentials(token, AuthenticationType.Oauth));

    /// <summary>A connection as a user who signed in, with their user access token (<c>Authorization: Bearer</c>).</summary>
    public IConnection AsUser(string token) => Create(new Credentials(token, AuthenticationType.Bearer));

    private Connection Create(Credentials credentials)
        => new(Product, BaseAddress, new InMemoryCredentialStore(credentials), _http, Serializer);
}
