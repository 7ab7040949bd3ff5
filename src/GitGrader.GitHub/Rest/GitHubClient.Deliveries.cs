using GitGrader.GitHub.Http;
using GitGrader.GitHub.Rest.Json;
using Octo = Octokit;

namespace GitGrader.GitHub.Rest;

/// <summary>
/// The App webhook's delivery log and redelivery, through the connection as the App: Octokit has no client or model
/// for them, so the pages are read into <see cref="HookDeliveryJson"/> by Octokit's serializer.
/// </summary>
internal sealed partial class GitHubClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<HookDelivery>> ListHookDeliveriesAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        const string Path = "app/hook/deliveries";
        var deliveries = new List<HookDelivery>();
        Uri? page = Relative(Path);
        IDictionary<string, string>? parameters = new Dictionary<string, string> { ["per_page"] = PageSize };
        for (var count = 1; page is not null && count <= MaxPages; count++)
        {
            var (uri, pageParameters) = (page, parameters);
            var what = Describe(HttpMethod.Get, uri);
            var response = await CallAsync(what, connections.AsApp(), connection => connection.Get<List<HookDeliveryJson>>(uri, pageParameters, Accept, cancellationToken), null, cancellationToken).ConfigureAwait(false);
            var items = Parse(response.Body, what);
            foreach (var item in items)
            {
                if (item.DeliveredAt < since || deliveries.Count == limit)
                {
                    return deliveries;
                }

                deliveries.Add(item);
            }

            page = response.HttpResponse.ApiInfo is { } info ? Octo.ApiInfoExtensions.GetNextPageUrl(info) : null;
            parameters = null;
            if (page is not null && !GitHubWireHandler.SameOrigin(page, connections.BaseAddress))
            {
                throw new GitHubApiException($"{what} links its next page to another host; not following it with GitGrader's credentials.");
            }
        }

        return deliveries;
    }

    /// <inheritdoc />
    public async Task RedeliverAsync(long deliveryId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(deliveryId);
        var path = $"app/hook/deliveries/{deliveryId}/attempts";
        var what = Describe(HttpMethod.Post, path);
        await CallAsync(what, connections.AsApp(), connection => connection.Post(Relative(path), cancellationToken), null, cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<HookDelivery> Parse(List<HookDeliveryJson>? items, string what)
    {
        if (items is null)
        {
            throw new GitHubApiException($"{what} answered no list of deliveries.");
        }

        return items.Select(item => new HookDelivery(
            item.Id is { } id and > 0 ? id : throw Lacks("id", what),
            string.IsNullOrEmpty(item.Guid) ? throw Lacks("guid", what) : item.Guid,
            item.DeliveredAt ?? throw Lacks("delivered_at", what),
            item.Redelivery ?? false,
            item.StatusCode ?? 0,
            string.IsNullOrEmpty(item.Event) ? throw Lacks("event", what) : item.Event,
            item.Action));
    }

    private static GitHubApiException Lacks(string member, string what) => new($"{what} answered a delivery without '{member}'.");
}
