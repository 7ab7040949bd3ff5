using System.Diagnostics;
using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;

namespace GitGrader.GitHub.Tests.Rest;

/// <summary>
/// Octokit's calls take no CancellationToken: the caller's token still stops the request in flight and every wait, and
/// nothing of the call goes on in the background afterwards. Each test cancels once GitHub has the request.
/// </summary>
public sealed class GitHubClientCancellationTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(1.5);

    public static TheoryData<string> Calls => ["GET app (typed)", "PATCH check run (typed)", "POST comment (typed)", "GET list (connection)", "PATCH issue (connection)"];

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Call_CancelledWhileGitHubIsSlow_StopsPromptly(string call)
    {
        await using var h = await ClientHarness.StartAsync();
        var slow = TimeSpan.FromSeconds(30);
        h.Server.On("GET", "/api/v3/app", Reply.Ok("""{"id":1,"slug":"s","name":"n"}""") with { Delay = slow });
        h.Server.On("PATCH", $"{Answers.RepoPath}/check-runs/9", Reply.Ok(Answers.CheckRun(9)) with { Delay = slow });
        h.Server.On("POST", $"{Answers.RepoPath}/issues/1/comments", Reply.Json(201, Answers.Comment(1)) with { Delay = slow });
        h.Server.On("GET", $"{Answers.RepoPath}/issues/1/comments", Reply.Ok("[]") with { Delay = slow });
        h.Server.On("PATCH", $"{Answers.RepoPath}/issues/1", Reply.Ok(Answers.Issue(1)) with { Delay = slow });
        await h.Client.GetInstallationTokenAsync(5, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var running = call switch
        {
            "GET app (typed)" => h.Client.GetAppAsync(cancel.Token),
            "PATCH check run (typed)" => h.Client.UpdateCheckRunAsync(5, Answers.Repo, 9, new CheckRunUpdate { Status = CheckRunStatus.InProgress }, cancel.Token),
            "POST comment (typed)" => h.Client.CreateIssueCommentAsync(5, Answers.Repo, 1, "x", cancel.Token),
            "GET list (connection)" => h.Client.ListIssueCommentsAsync(5, Answers.Repo, 1, cancel.Token),
            _ => h.Client.UpdateIssueAsync(5, Answers.Repo, 1, "t", "b", cancel.Token),
        };
        var cancelledAfter = await CancelOnceAsync(cancel, () => h.Server.RequestsOtherThanTokens.Count == 1, running);

        Assert.True(cancelledAfter < Prompt, $"stopped {cancelledAfter} after the cancellation");
        Assert.Single(h.Server.RequestsOtherThanTokens);
    }

    [Theory]
    [InlineData("backoff after a 500")]
    [InlineData("retry-after of a 429")]
    public async Task GetApp_CancelledWhileWaitingToRetry_StopsPromptlyAndTriesNoMore(string wait)
    {
        // Either wait is 2 s at least: a backoff of RetryBaseDelay (4 s) with jitter down to half, or retry-after 3 s.
        await using var h = await ClientHarness.StartAsync(("RetryBaseDelay", "00:00:04"), ("MaxAttempts", "5"), ("MaxRateLimitWait", "00:00:05"));
        h.Server.On("GET", "/api/v3/app", wait.StartsWith("backoff", StringComparison.Ordinal) ? Reply.Error(500, "boom") : Reply.Error(429, "Too many requests", ("retry-after", "3")));
        using var cancel = new CancellationTokenSource();

        var running = h.Client.GetAppAsync(cancel.Token);
        var cancelledAfter = await CancelOnceAsync(cancel, () => h.Server.Requests.Count == 1, running, settle: TimeSpan.FromMilliseconds(300));
        await Task.Delay(TimeSpan.FromSeconds(4.5));

        Assert.True(cancelledAfter < Prompt, $"stopped {cancelledAfter} after the cancellation");
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task AnyCall_AlreadyCancelled_SendsNothing()
    {
        await using var h = await ClientHarness.StartAsync();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.GetAppAsync(cancel.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.ListIssuesAsync(5, Answers.Repo, null, cancel.Token));

        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task ConcurrentCalls_CancellingOne_LeavesTheOthersRunning()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/app", Reply.Ok("""{"id":1,"slug":"s","name":"n"}""") with { Delay = TimeSpan.FromMilliseconds(1500) });
        using var cancel = new CancellationTokenSource();

        var cancelled = h.Client.GetAppAsync(cancel.Token);
        var patient = Enumerable.Range(0, 4).Select(_ => h.Client.GetAppAsync(CancellationToken.None)).ToList();
        await CancelOnceAsync(cancel, () => h.Server.Requests.Count == 5, cancelled);

        Assert.All(await Task.WhenAll(patient), app => Assert.Equal("s", app.Slug));
        Assert.Equal(5, h.Server.Requests.Count);
    }

    /// <summary>
    /// Waits until <paramref name="sent"/> (and <paramref name="settle"/> more, for the answer to arrive), cancels, and
    /// returns how long <paramref name="running"/> then took to throw <see cref="OperationCanceledException"/>.
    /// </summary>
    private static async Task<TimeSpan> CancelOnceAsync(CancellationTokenSource cancel, Func<bool> sent, Task running, TimeSpan settle = default)
    {
        var deadline = Stopwatch.StartNew();
        while (!sent())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "GitHub never got the request");
            Assert.False(running.IsCompleted, $"the call ended before GitHub got the request: {running.Exception}");
            await Task.Delay(10);
        }

        await Task.Delay(settle);
        Assert.False(running.IsCompleted, $"the call ended before it was cancelled: {running.Exception}");
        var watch = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        return watch.Elapsed;
    }
}
