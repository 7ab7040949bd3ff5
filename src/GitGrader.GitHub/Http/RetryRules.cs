using System.Globalization;
using System.Net;
using GitGrader.GitHub.Rest;

namespace GitGrader.GitHub.Http;

/// <summary>
/// When to try a GitHub request again and after how long: 5xx with exponential backoff and jitter; rate limits
/// (403/429) as GitHub's "Rate limits for the REST API" page says: <c>retry-after</c>, else
/// <c>x-ratelimit-remaining: 0</c> until <c>x-ratelimit-reset</c>, else (secondary limit without headers) at least a
/// minute, capped by <see cref="GitHubAppOptions.MaxRateLimitWait"/>.
/// </summary>
internal sealed class RetryRules(GitHubAppOptions options, TimeProvider timeProvider)
{
    /// <summary>GitHub's advice for a secondary rate limit that names no wait.</summary>
    public static readonly TimeSpan HeaderlessRateLimitWait = TimeSpan.FromMinutes(1);

    private const int MaxDoublings = 16;

    /// <summary>Longest single backoff, however large RetryBaseDelay and the attempt number are.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    /// <summary>The backoff before try <paramref name="attempt"/> + 1: <c>RetryBaseDelay · 2^(attempt−1)</c> (at most <see cref="MaxBackoff"/>), between half and all of it (jitter).</summary>
    public TimeSpan Backoff(int attempt)
    {
        var fullSeconds = Math.Min(options.RetryBaseDelay.TotalSeconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, MaxDoublings)), MaxBackoff.TotalSeconds);
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        return TimeSpan.FromSeconds(fullSeconds * (0.5 + (Random.Shared.NextDouble() * 0.5)));
#pragma warning restore CA5394
    }

    /// <summary>
    /// How long to wait before trying again after <paramref name="response"/>, or null when it is final
    /// (success, 4xx other than a rate limit).
    /// </summary>
    /// <exception cref="GitHubApiException">The rate limit resets later than <see cref="GitHubAppOptions.MaxRateLimitWait"/> from now.</exception>
    public async Task<TimeSpan?> WaitBeforeRetryAsync(HttpResponseMessage response, int attempt, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return Backoff(attempt);
        }

        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        if (RetryAfter(response, now) is { } retryAfter)
        {
            return WithinLimit(response, retryAfter, now + retryAfter);
        }

        if (RateLimitReset(response) is { } reset)
        {
            var wait = reset > now ? reset - now : TimeSpan.Zero;
            return WithinLimit(response, wait, reset);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests || await MentionsSecondaryLimitAsync(response, cancellationToken).ConfigureAwait(false))
        {
            var wait = Backoff(attempt) > HeaderlessRateLimitWait ? Backoff(attempt) : HeaderlessRateLimitWait;
            return wait < options.MaxRateLimitWait ? wait : options.MaxRateLimitWait;
        }

        return null;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
        }

        if (header?.Date is { } date)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }

    private static DateTimeOffset? RateLimitReset(HttpResponseMessage response)
    {
        if (Header(response, "x-ratelimit-remaining") != "0"
            || !long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var epochSeconds)
            || epochSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(epochSeconds);
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static async Task<bool> MentionsSecondaryLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase);
    }

    private TimeSpan WithinLimit(HttpResponseMessage response, TimeSpan wait, DateTimeOffset resetsAt)
    {
        if (wait <= options.MaxRateLimitWait)
        {
            return wait;
        }

        var request = response.RequestMessage;
        var what = request is null ? "the request" : $"{request.Method} {RequestDescription.PathOf(request.RequestUri)}";
        throw new GitHubApiException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"GitHub's rate limit stopped {what} ({(int)response.StatusCode}); it resets at {resetsAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, in {Math.Ceiling(wait.TotalSeconds)} s, longer than MaxRateLimitWait ({options.MaxRateLimitWait}), so the request was given up."),
            response.StatusCode);
    }
}
