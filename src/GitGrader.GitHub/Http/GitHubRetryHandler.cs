using Microsoft.Extensions.Options;

namespace GitGrader.GitHub.Http;

/// <summary>
/// Beneath Octokit, sends a request up to <see cref="GitHubAppOptions.MaxAttempts"/> times: again after network errors,
/// timeouts, 5xx and rate limits (see <see cref="RetryRules"/>). The request body is buffered first so every try sends it
/// whole, and each answer is read whole within its try (at most <see cref="AttemptTimeout"/>). Cancellation, by the
/// request's token or by the caller's token in <see cref="GitHubCallCancellation"/> (Octokit passes none down), stops the
/// try in flight and every wait at once.
/// </summary>
internal sealed class GitHubRetryHandler(IOptions<GitHubAppOptions> options, TimeProvider timeProvider) : DelegatingHandler
{
    /// <summary>Longest one try may take (the timeout of Octokit's HttpClient is off so that rate-limit waits fit).</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(100);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, GitHubCallCancellation.Current);
        return await SendWithRetriesAsync(request, call.Token).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var rules = new RetryRules(settings, timeProvider);
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= settings.MaxAttempts;
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (!last)
            {
                await Task.Delay(rules.Backoff(attempt), timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            TimeSpan? wait;
            try
            {
                wait = await rules.WaitBeforeRetryAsync(response, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            if (wait is null || last)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(wait.Value, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(timeout.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new HttpRequestException($"GitHub did not answer {request.Method} {RequestDescription.PathOf(request.RequestUri)} within {AttemptTimeout.TotalSeconds} s.", ex);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }
}
