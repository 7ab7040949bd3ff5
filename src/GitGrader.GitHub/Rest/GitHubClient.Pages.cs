using GitGrader.GitHub.Http;
using Octo = Octokit;

namespace GitGrader.GitHub.Rest;

/// <summary>
/// Lists, every page: GET through the connection, then each <c>rel="next"</c> link as Octokit's <see cref="Octo.ApiInfo"/>
/// parsed it. Not Octokit's <c>ApiConnection.GetAll</c>: it follows a next link to any host with the credential, has no
/// page limit and cannot be cancelled.
/// </summary>
internal sealed partial class GitHubClient
{
    private async Task<IReadOnlyList<TItem>> ListAsync<TPage, TItem>(long installationId, string path, Dictionary<string, string> query, Func<TPage, string, IEnumerable<TItem>> itemsOf, CancellationToken cancellationToken)
    {
        var items = new List<TItem>();
        Uri? page = Relative(path);
        IDictionary<string, string>? parameters = query;
        for (var count = 1; page is not null; count++)
        {
            if (count > MaxPages)
            {
                throw new GitHubApiException($"{Describe(HttpMethod.Get, path)} has more than {MaxPages} pages; stopped following them.");
            }

            var (uri, pageParameters) = (page, parameters);
            var what = Describe(HttpMethod.Get, uri);
            var response = await AsInstallationAsync(installationId, what, connection => connection.Get<TPage>(uri, pageParameters, Accept, cancellationToken), cancellationToken).ConfigureAwait(false);
            items.AddRange(itemsOf(response.Body, what));

            // The next link carries every parameter of the query.
            page = response.HttpResponse.ApiInfo is { } info ? Octo.ApiInfoExtensions.GetNextPageUrl(info) : null;
            parameters = null;
            if (page is not null && !GitHubWireHandler.SameOrigin(page, connections.BaseAddress))
            {
                throw new GitHubApiException($"{what} links its next page to another host; not following it with GitGrader's credentials.");
            }
        }

        return items;
    }
}
