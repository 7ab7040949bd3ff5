using System.Net;
using GitGrader.GitHub.Auth;
using GitGrader.GitHub.Http;
using Octo = Octokit;

namespace GitGrader.GitHub.Rest;

/// <summary>
/// <see cref="IGitHubClient"/> over Octokit: its typed clients where their requests are what GitHub wants, its
/// <see cref="Octo.IConnection"/> where they are not (see each method), Octokit's models for every answer and its
/// <c>Link</c> parsing (<see cref="Octo.ApiInfo"/>) for pages. Beneath Octokit, <see cref="GitHubWireHandler"/> fixes its
/// headers and <see cref="GitHubRetryHandler"/> retries; above it, this class batches annotations, follows pages (only on
/// GitHub's host, at most <see cref="MaxPages"/>), keeps installation tokens in the <see cref="InstallationTokenCache"/>
/// and turns Octokit's exceptions into <see cref="GitHubApiException"/>s.
/// </summary>
internal sealed partial class GitHubClient(OctokitConnections connections, InstallationTokenCache tokens) : IGitHubClient
{
    /// <summary>Pages followed at most for one list (100 items each).</summary>
    public const int MaxPages = 1000;

    private const string Accept = GitHubWireHandler.GitHubJson;
    private const string JsonContentType = "application/json";
    private const string PageSize = "100";

    /// <inheritdoc />
    public async Task<AppInfo> GetAppAsync(CancellationToken cancellationToken)
    {
        var what = Describe(HttpMethod.Get, "app");
        var app = await CallAsync(what, connections.AsApp(), connection => Apps(connection).GetCurrent(), null, cancellationToken).ConfigureAwait(false);
        return GitHubAnswers.App(app, what);
    }

    /// <inheritdoc />
    public async Task<long> GetRepositoryInstallationIdAsync(RepositoryRef repository, CancellationToken cancellationToken)
    {
        var what = Describe(HttpMethod.Get, $"{Repo(repository)}/installation");
        var installation = await CallAsync(what, connections.AsApp(), connection => Apps(connection).GetRepositoryInstallationForCurrent(repository.Owner, repository.Name), null, cancellationToken).ConfigureAwait(false);
        return GitHubAnswers.InstallationId(installation, what);
    }

    /// <inheritdoc />
    public async Task<long> GetOrganizationInstallationIdAsync(string organization, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organization);
        var what = Describe(HttpMethod.Get, $"orgs/{Escape(organization)}/installation");
        var installation = await CallAsync(what, connections.AsApp(), connection => Apps(connection).GetOrganizationInstallationForCurrent(organization), null, cancellationToken).ConfigureAwait(false);
        return GitHubAnswers.InstallationId(installation, what);
    }

    /// <inheritdoc />
    public Task<string> GetInstallationTokenAsync(long installationId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(installationId);
        return tokens.GetAsync(installationId, _ => FetchInstallationTokenAsync(installationId), cancellationToken);
    }

    /// <summary>
    /// <c>POST /app/installations/{id}/access_tokens</c> through the connection: Octokit's typed
    /// <c>CreateInstallationToken</c> sends an empty form body. The fetch is shared by every caller waiting for the token,
    /// so no caller's cancellation reaches it (each try is still bounded by <see cref="GitHubRetryHandler.AttemptTimeout"/>).
    /// </summary>
    private async Task<InstallationAccessToken> FetchInstallationTokenAsync(long installationId)
    {
        var path = $"app/installations/{installationId}/access_tokens";
        var what = Describe(HttpMethod.Post, path);
        var answer = await CallAsync(what, connections.AsApp(), connection => connection.Post<Octo.AccessToken>(Relative(path), CancellationToken.None), null, CancellationToken.None).ConfigureAwait(false);
        return GitHubAnswers.AccessToken(answer.Body, what);
    }

    /// <summary>Gets the installation's token, then makes the call with it; a 401 drops the token from the cache.</summary>
    private async Task<T> AsInstallationAsync<T>(long installationId, string what, Func<Octo.IConnection, Task<T>> send, CancellationToken cancellationToken)
    {
        var token = await GetInstallationTokenAsync(installationId, cancellationToken).ConfigureAwait(false);
        return await CallAsync(what, connections.AsInstallation(token), send, () => tokens.Forget(installationId, token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes one Octokit call with <paramref name="cancellationToken"/> entered in <see cref="GitHubCallCancellation"/>
    /// (so the handlers beneath Octokit honour it), turning what Octokit throws into <see cref="GitHubApiException"/>.
    /// </summary>
    private static async Task<T> CallAsync<T>(string what, Octo.IConnection connection, Func<Octo.IConnection, Task<T>> send, Action? unauthorized, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = GitHubCallCancellation.Enter(cancellationToken);
        try
        {
            return await send(connection).ConfigureAwait(false);
        }
        catch (Octo.ApiException ex)
        {
            if (ex.StatusCode == HttpStatusCode.Unauthorized)
            {
                unauthorized?.Invoke();
            }

            throw GitHubErrors.Answered(what, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw GitHubErrors.Unanswered(what, ex);
        }
        catch (Exception ex) when (GitHubErrors.IsUnreadableAnswer(ex))
        {
            throw GitHubErrors.Unreadable(what, ex);
        }
    }

    private static Octo.GitHubAppsClient Apps(Octo.IConnection connection) => new(new Octo.ApiConnection(connection));

    private static string Repo(RepositoryRef repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return $"repos/{Escape(repository.Owner)}/{Escape(repository.Name)}";
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    /// <summary><c>METHOD /path</c> as messages name a request: under the base URL, without the query string.</summary>
    private string Describe(HttpMethod method, string path) => Describe(method, Relative(path));

    private string Describe(HttpMethod method, Uri uri) => $"{method} {RequestDescription.PathOf(new Uri(connections.BaseAddress, uri))}";
}
