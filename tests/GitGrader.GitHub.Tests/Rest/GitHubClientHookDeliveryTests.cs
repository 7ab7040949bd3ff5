using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;

namespace GitGrader.GitHub.Tests.Rest;

/// <summary><c>GET /app/hook/deliveries</c> (newest first, by cursor, until one older than asked) and <c>POST …/attempts</c>, as the App.</summary>
public sealed class GitHubClientHookDeliveryTests
{
    private static string Delivery(long id, string guid, string at, int status, bool redelivery = false) =>
        $$"""{"id":{{id}},"guid":"{{guid}}","delivered_at":"{{at}}","redelivery":{{(redelivery ? "true" : "false")}},"duration":0.1,"status":"x","status_code":{{status}},"event":"push","action":null,"installation_id":5,"repository_id":9}""";

    [Fact]
    public async Task ListHookDeliveries_FollowsTheCursorAndStopsAtTheFirstOlderThanSince()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/app/hook/deliveries?per_page=100", Reply.Ok(
            $"[{Delivery(30, "g3", "2026-12-01T10:03:00Z", 0)},{Delivery(20, "g2", "2026-12-01T10:02:00Z", 202, redelivery: true)}]",
            ("Link", "<{origin}/api/v3/app/hook/deliveries?per_page=100&cursor=v1_19>; rel=\"next\"")));
        h.Server.On("GET", "/api/v3/app/hook/deliveries?per_page=100&cursor=v1_19", Reply.Ok(
            $"[{Delivery(19, "g2", "2026-12-01T10:01:00Z", 503)},{Delivery(10, "g1", "2026-12-01T09:00:00Z", 0)}]",
            ("Link", "<{origin}/api/v3/app/hook/deliveries?per_page=100&cursor=v1_9>; rel=\"next\"")));

        var deliveries = await h.Client.ListHookDeliveriesAsync(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), 100, CancellationToken.None);

        Assert.Equal([30L, 20, 19], deliveries.Select(d => d.Id));
        Assert.Equal(new HookDelivery(20, "g2", new DateTimeOffset(2026, 12, 1, 10, 2, 0, TimeSpan.Zero), true, 202, "push", null), deliveries[1]);
        Assert.False(deliveries[0].Succeeded);
        Assert.True(deliveries[1].Succeeded);
        Assert.Equal(2, h.Server.Requests.Count);
        Assert.All(h.Server.Requests, r => Assert.StartsWith("Bearer ", r.Header("Authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListHookDeliveries_StopsAtTheLimit()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/app/hook/deliveries?per_page=100", Reply.Ok(
            $"[{Delivery(3, "g3", "2026-12-01T10:03:00Z", 0)},{Delivery(2, "g2", "2026-12-01T10:02:00Z", 0)},{Delivery(1, "g1", "2026-12-01T10:01:00Z", 0)}]"));

        var deliveries = await h.Client.ListHookDeliveriesAsync(DateTimeOffset.MinValue, 2, CancellationToken.None);

        Assert.Equal([3L, 2], deliveries.Select(d => d.Id));
    }

    [Fact]
    public async Task ListHookDeliveries_AnItemWithoutAGuid_SaysWhatIsMissing()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/app/hook/deliveries?per_page=100", Reply.Ok("""[{"id":4,"delivered_at":"2026-12-01T10:03:00Z","status_code":0,"event":"push"}]"""));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.ListHookDeliveriesAsync(DateTimeOffset.MinValue, 10, CancellationToken.None));

        Assert.Equal("GET /api/v3/app/hook/deliveries answered a delivery without 'guid'.", error.Message);
    }

    [Fact]
    public async Task ListHookDeliveries_NotAList_IsAnError()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/app/hook/deliveries?per_page=100", Reply.Ok("""{"message":"odd"}"""));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.ListHookDeliveriesAsync(DateTimeOffset.MinValue, 10, CancellationToken.None));

        Assert.StartsWith("GET /api/v3/app/hook/deliveries answered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeliver_PostsTheAttemptAsTheApp()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v3/app/hook/deliveries/42/attempts", Reply.Json(202, "{}"));

        await h.Client.RedeliverAsync(42, CancellationToken.None);

        var request = Assert.Single(h.Server.Requests);
        Assert.StartsWith("Bearer ", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeliver_Refused_IsAGitHubApiExceptionNamingTheRequest()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v3/app/hook/deliveries/42/attempts", Reply.Error(422, "Validation Failed"));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.RedeliverAsync(42, CancellationToken.None));

        Assert.Contains("POST /api/v3/app/hook/deliveries/42/attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, error.StatusCode);
    }
}
