using System.Net;
using GitGrader.GitHub.Http;
using Octokit.Internal;

namespace GitGrader.GitHub.Tests.Http;

/// <summary>
/// Octokit cancels a send when its request's own <see cref="Request.Timeout"/> (100 s by default) runs out, which cut
/// the retry handler's rate-limit waits short; <see cref="UntimedOctokitHttpClient"/> takes that cut-off away. Shown with a
/// 100 ms request timeout and an answer that takes 600 ms (as a wait of minutes behind a secondary limit would).
/// </summary>
public sealed class UntimedOctokitHttpClientTests
{
    private static readonly Uri Base = new("http://127.0.0.1:9/api/v3/");

    [Fact]
    public async Task OctokitsAdapter_CancelsASendPastTheRequestsOwnTimeout()
    {
        using var adapter = new HttpClientAdapter(() => new SlowAnswer(TimeSpan.FromMilliseconds(600)));
        adapter.SetRequestTimeout(Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => adapter.Send(Timed(), CancellationToken.None));
    }

    [Fact]
    public async Task Send_PastTheRequestsOwnTimeout_WaitsForTheAnswer()
    {
        using var client = new UntimedOctokitHttpClient(new HttpClientAdapter(() => new SlowAnswer(TimeSpan.FromMilliseconds(600))));
        client.SetRequestTimeout(Timeout.InfiniteTimeSpan);

        var response = await client.Send(Timed(), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Send_CallersToken_StillCancels()
    {
        using var client = new UntimedOctokitHttpClient(new HttpClientAdapter(() => new SlowAnswer(TimeSpan.FromSeconds(30))));
        client.SetRequestTimeout(Timeout.InfiniteTimeSpan);
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Send(Timed(), caller.Token));
    }

    private static Request Timed() => new()
    {
        BaseAddress = Base,
        Endpoint = new Uri("app", UriKind.Relative),
        Method = HttpMethod.Get,
        Timeout = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>Answers 200 <c>{}</c> after a delay, honouring cancellation.</summary>
    private sealed class SlowAnswer(TimeSpan delay) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        }
    }
}
