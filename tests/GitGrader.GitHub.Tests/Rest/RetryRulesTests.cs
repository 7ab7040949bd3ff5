using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using GitGrader.GitHub.Http;
using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;

namespace GitGrader.GitHub.Tests.Rest;

public sealed class RetryRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    private static readonly GitHubAppOptions Options = new()
    {
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        MaxRateLimitWait = TimeSpan.FromMinutes(2),
    };

    private readonly RetryRules _rules = new(Options, new ManualTimeProvider(Now));

    [Theory]
    [InlineData(1, 0.5, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(4, 4, 8)]
    public void Backoff_DoublesWithJitterBetweenHalfAndAll(int attempt, double minSeconds, double maxSeconds)
    {
        for (var i = 0; i < 50; i++)
        {
            var delay = _rules.Backoff(attempt);
            Assert.InRange(delay.TotalSeconds, minSeconds, maxSeconds);
        }
    }

    [Fact]
    public void Backoff_HugeAttemptOrBaseDelay_IsCappedInsteadOfOverflowing()
    {
        var rules = new RetryRules(new GitHubAppOptions { RetryBaseDelay = TimeSpan.FromDays(3650) }, TimeProvider.System);

        Assert.InRange(_rules.Backoff(int.MaxValue), TimeSpan.FromMinutes(5), RetryRules.MaxBackoff);
        Assert.InRange(rules.Backoff(30), TimeSpan.FromMinutes(5), RetryRules.MaxBackoff);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task WaitBeforeRetry_FinalAnswers_AreNotRetried(int status)
    {
        using var response = Response(status);

        Assert.Null(await _rules.WaitBeforeRetryAsync(response, 1, CancellationToken.None));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task WaitBeforeRetry_ServerErrors_BackOff(int status)
    {
        using var response = Response(status);

        Assert.InRange((await _rules.WaitBeforeRetryAsync(response, 2, CancellationToken.None))!.Value.TotalSeconds, 1, 2);
    }

    [Fact]
    public async Task WaitBeforeRetry_RetryAfterAsHttpDate_WaitsUntilThen()
    {
        using var response = Response(429);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), await _rules.WaitBeforeRetryAsync(response, 1, CancellationToken.None));
    }

    [Fact]
    public async Task WaitBeforeRetry_ResetAlreadyPast_RetriesAtOnce()
    {
        using var response = Response(403, ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", Now.AddSeconds(-5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(TimeSpan.Zero, await _rules.WaitBeforeRetryAsync(response, 1, CancellationToken.None));
    }

    [Fact]
    public async Task WaitBeforeRetry_RetryAfterWinsOverReset()
    {
        using var response = Response(403, ("retry-after", "7"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", Now.AddSeconds(100).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(TimeSpan.FromSeconds(7), await _rules.WaitBeforeRetryAsync(response, 1, CancellationToken.None));
    }

    [Fact]
    public async Task WaitBeforeRetry_SecondaryLimitWithoutHeaders_WaitsAMinute()
    {
        using var response = Response(403);
        response.Content = new StringContent("""{"message":"You have exceeded a secondary rate limit and have been temporarily blocked"}""");

        Assert.Equal(TimeSpan.FromMinutes(1), await _rules.WaitBeforeRetryAsync(response, 1, CancellationToken.None));
    }

    [Fact]
    public async Task WaitBeforeRetry_429WithoutHeaders_WaitsAtLeastAMinuteButNoMoreThanTheCap()
    {
        using var response = Response(429);
        var rules = new RetryRules(new GitHubAppOptions { RetryBaseDelay = TimeSpan.FromMinutes(10), MaxRateLimitWait = TimeSpan.FromMinutes(3) }, new ManualTimeProvider(Now));

        Assert.Equal(TimeSpan.FromMinutes(3), await rules.WaitBeforeRetryAsync(response, 3, CancellationToken.None));
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-5")]
    [InlineData("99999999999999999999999")]
    [InlineData("999999999999999")]
    public async Task WaitBeforeRetry_GarbageReset_IsTreatedAsNoReset(string reset)
    {
        using var response = Response(403, ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset));

        Assert.Null(await _rules.WaitBeforeRetryAsync(response, 1, CancellationToken.None));
    }

    [Fact]
    public async Task WaitBeforeRetry_ResetBeyondCap_GivesUpSayingWhen()
    {
        using var response = Response(403, ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", Now.AddMinutes(30).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://api.github.com/repos/o/r/issues?creator=x&access_token=nope");

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => _rules.WaitBeforeRetryAsync(response, 1, CancellationToken.None));

        Assert.Contains("2025-03-14T15:39:26Z", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GET /repos/o/r/issues ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", ex.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
    }

    private static HttpResponseMessage Response(int status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("{}") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
