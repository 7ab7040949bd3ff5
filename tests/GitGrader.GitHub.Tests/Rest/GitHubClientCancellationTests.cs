using System.Diagnostics;
using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;

namespace GitGrader.GitHub.Tests.Rest;

/// <summary>
/// Octokit's calls take no CancellationToken: the caller's token still stops the request in flight and every wait, and
/// nothing of the call goes on in the background afterwards.
/// </summary>
public sealed class GitHubClientCancellationTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task UpdateCheckRun_CancelledWhileGitHubIsSlow_StopsPromptly()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("PATCH", $"{Answers.RepoPath}/check-runs/9", Reply.Ok(Answers.CheckRun(9)) with { Delay = TimeSpan.FromSeconds(30) });
        await h.Client.GetInstallationTokenAsync(5, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.UpdateCheckRunAsync(5, Answers.Repo, 9, new CheckRunUpdate { Status = CheckRunStatus.InProgress }, cancel.Token));

        Assert.True(watch.Elapsed < Prompt, $"took {watch.Elapsed}");
        Assert.Single(h.Server.RequestsOtherThanTokens);
    }

    [Fact]
    public async Task GetApp_CancelledDuringBackoff_TriesNoMoreAfterwards()
    {
        await using var h = await ClientHarness.StartAsync(("RetryBaseDelay", "00:00:00.400"), ("MaxAttempts", "5"));
        h.Server.On("GET", "/api/v3/app", Reply.Error(500, "boom"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.GetAppAsync(cancel.Token));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task CreateIssueComment_CancelledDuringRateLimitWait_StopsPromptlyAndTriesNoMore()
    {
        await using var h = await ClientHarness.StartAsync(("MaxRateLimitWait", "00:00:05"));
        h.Server.On("POST", $"{Answers.RepoPath}/issues/1/comments", Reply.Error(429, "Too many requests", ("retry-after", "2")), Reply.Json(201, Answers.Comment(1)));
        await h.Client.GetInstallationTokenAsync(5, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.CreateIssueCommentAsync(5, Answers.Repo, 1, "x", cancel.Token));
        var cancelledAfter = watch.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.True(cancelledAfter < TimeSpan.FromSeconds(1.5), $"took {cancelledAfter}");
        Assert.Single(h.Server.RequestsOtherThanTokens);
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
        h.Server.On("GET", "/api/v3/app", Reply.Ok("""{"id":1,"slug":"s","name":"n"}""") with { Delay = TimeSpan.FromMilliseconds(800) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var cancelled = h.Client.GetAppAsync(cancel.Token);
        var patient = Enumerable.Range(0, 4).Select(_ => h.Client.GetAppAsync(CancellationToken.None)).ToList();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.All(await Task.WhenAll(patient), app => Assert.Equal("s", app.Slug));
        Assert.Equal(5, h.Server.Requests.Count);
    }
}
