using System.Diagnostics;
using System.Globalization;
using System.Net;
using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;

namespace GitGrader.GitHub.Tests.Rest;

/// <summary>403/429 rate limits: <c>retry-after</c>, <c>x-ratelimit-reset</c>, header-less secondary limits, and giving up past MaxRateLimitWait.</summary>
public sealed class GitHubClientRateLimitTests
{
    private const string AppJson = """{"id":123,"slug":"gitgrader","name":"GitGrader"}""";

    [Theory]
    [InlineData(403)]
    [InlineData(429)]
    public async Task GetApp_RetryAfter_WaitsThatLong(int status)
    {
        await using var h = await ClientHarness.StartAsync(("MaxRateLimitWait", "00:00:05"));
        h.Server.On("GET", "/api/v3/app", Reply.Error(status, "You have exceeded a secondary rate limit", ("retry-after", "1")), Reply.Ok(AppJson));
        var watch = Stopwatch.StartNew();

        await h.Client.GetAppAsync(CancellationToken.None);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {watch.Elapsed}");
        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task GetApp_RateLimitRemainingZero_WaitsUntilReset()
    {
        await using var h = await ClientHarness.StartAsync();
        var reset = ClientHarness.Start.ToUnixTimeSeconds() + 1000;
        h.Clock.Set(DateTimeOffset.FromUnixTimeSeconds(reset) - TimeSpan.FromMilliseconds(400));
        h.Server.On(
            "GET",
            "/api/v3/app",
            Reply.Error(403, "API rate limit exceeded for installation ID 5.", ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset.ToString(CultureInfo.InvariantCulture))),
            Reply.Ok(AppJson));
        var watch = Stopwatch.StartNew();

        await h.Client.GetAppAsync(CancellationToken.None);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(350), $"retried after {watch.Elapsed}");
        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task GetApp_ResetLaterThanMaxRateLimitWait_GivesUpSayingWhenItResets()
    {
        await using var h = await ClientHarness.StartAsync(("MaxRateLimitWait", "00:02:00"));
        var reset = ClientHarness.Start.AddHours(1);
        h.Server.On(
            "GET",
            "/api/v3/app",
            Reply.Error(403, "API rate limit exceeded", ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))));
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetAppAsync(CancellationToken.None));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Contains("resets at 2025-03-14T16:09:26Z", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GET /api/v3/app", ex.Message, StringComparison.Ordinal);
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task GetApp_RetryAfterLongerThanMaxRateLimitWait_GivesUp()
    {
        await using var h = await ClientHarness.StartAsync(("MaxRateLimitWait", "00:00:01"));
        h.Server.On("GET", "/api/v3/app", Reply.Error(429, "Too many requests", ("retry-after", "600")));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetAppAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Contains("resets at 2025-03-14T15:19:26Z", ex.Message, StringComparison.Ordinal);
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task GetApp_SecondaryLimitWithoutHeaders_WaitsCappedByMaxRateLimitWait()
    {
        await using var h = await ClientHarness.StartAsync(("MaxRateLimitWait", "00:00:00.300"));
        h.Server.On("GET", "/api/v3/app", Reply.Error(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."), Reply.Ok(AppJson));
        var watch = Stopwatch.StartNew();

        await h.Client.GetAppAsync(CancellationToken.None);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), $"retried after {watch.Elapsed}");
        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task GetApp_ForbiddenWithoutRateLimit_IsNotRetried()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/app", Reply.Error(403, "Resource not accessible by integration", ("x-ratelimit-remaining", "4999")));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetAppAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Contains("Resource not accessible by integration", ex.Message, StringComparison.Ordinal);
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task GetApp_RateLimitedOnEveryTry_EndsWithGitHubsMessage()
    {
        await using var h = await ClientHarness.StartAsync(("MaxAttempts", "2"));
        h.Server.On("GET", "/api/v3/app", Reply.Error(429, "Too many requests", ("retry-after", "0")));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetAppAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Contains("Too many requests", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, h.Server.Requests.Count);
    }
}
