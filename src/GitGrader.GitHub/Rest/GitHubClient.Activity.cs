using GitGrader.GitHub.Rest.Json;

namespace GitGrader.GitHub.Rest;

/// <summary>
/// A repository's recent pushes from its activity (<c>GET /repos/{o}/{r}/activity</c>), asked conditionally: Octokit has no
/// client or model for it, so the page is read into <see cref="RepositoryActivityJson"/> by Octokit's serializer. The request
/// is made conditional beneath Octokit (<see cref="Http.ConditionalRequestHandler"/>): an unchanged answer is a 304, which
/// GitHub does not count against the rate limit.
/// </summary>
internal sealed partial class GitHubClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<RepositoryPush>> ListRecentPushesAsync(long installationId, RepositoryRef repository, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        var path = $"{Repo(repository)}/activity";
        var what = Describe(HttpMethod.Get, path);
        var query = new Dictionary<string, string> { ["per_page"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var response = await AsInstallationAsync(
            installationId,
            what,
            connection => connection.Get<List<RepositoryActivityJson>>(Relative(path), query, Accept, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var items = response.Body ?? throw new GitHubApiException($"{what} answered no list of activities.");
        return [.. items.Select(item => new RepositoryPush(
            item.Id ?? 0,
            string.IsNullOrEmpty(item.Ref) ? throw Missing("ref", what) : item.Ref,
            string.IsNullOrEmpty(item.Before) ? throw Missing("before", what) : item.Before,
            string.IsNullOrEmpty(item.After) ? throw Missing("after", what) : item.After,
            item.Timestamp ?? throw Missing("timestamp", what),
            string.IsNullOrEmpty(item.ActivityType) ? throw Missing("activity_type", what) : item.ActivityType,
            item.Actor?.Login))];
    }

    private static GitHubApiException Missing(string member, string what) => new($"{what} answered an activity without '{member}'.");
}
