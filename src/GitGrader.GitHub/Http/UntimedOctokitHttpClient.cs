using Octokit;
using Octokit.Internal;

namespace GitGrader.GitHub.Http;

/// <summary>
/// Octokit's <see cref="HttpClientAdapter"/> without Octokit's own cut-off. Every Octokit <see cref="Request"/> carries a
/// <see cref="Request.Timeout"/> of 100 s, and the adapter cancels the whole send when it runs out, whatever the
/// HttpClient's timeout: that cut off <see cref="GitHubRetryHandler"/>'s rate-limit waits (up to
/// <see cref="GitHubAppOptions.MaxRateLimitWait"/>) and the retries after them at 100 s, so a call waiting out a
/// secondary limit failed as "a task was canceled". The timeout is cleared here; each try is still bounded, by
/// <see cref="GitHubRetryHandler.AttemptTimeout"/>, and the whole call by the caller's token.
/// </summary>
internal sealed class UntimedOctokitHttpClient(HttpClientAdapter inner) : IHttpClient
{
    /// <inheritdoc />
    public Task<IResponse> Send(IRequest request, CancellationToken cancellationToken, Func<object, object>? preprocessResponseBody = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request is Request timed)
        {
            timed.Timeout = TimeSpan.Zero;
        }

        return inner.Send(request, cancellationToken, preprocessResponseBody);
    }

    /// <inheritdoc />
    public void SetRequestTimeout(TimeSpan timeout) => inner.SetRequestTimeout(timeout);

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();
}
