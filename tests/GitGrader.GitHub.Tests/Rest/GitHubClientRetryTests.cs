using System.Net;
using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;

namespace GitGrader.GitHub.Tests.Rest;

/// <summary>5xx answers and dropped connections are tried again with backoff, up to MaxAttempts; bodies are resent whole (cancellation: <see cref="GitHubClientCancellationTests"/>).</summary>
public sealed class GitHubClientRetryTests
{
    [Fact]
    public async Task GetApp_502ThenSuccess_Retries()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/app", Reply.Error(502, "Bad Gateway"), Reply.Ok("""{"id":123,"slug":"gitgrader","name":"GitGrader"}"""));

        var app = await h.Client.GetAppAsync(CancellationToken.None);

        Assert.Equal(new AppInfo(123, "gitgrader", "GitGrader"), app);
        Assert.Equal(2, h.Server.Requests.Count(r => r.Path == "/api/v3/app"));
    }

    [Fact]
    public async Task GetApp_Always503_GivesUpAfterMaxAttemptsWithGitHubsMessage()
    {
        await using var h = await ClientHarness.StartAsync(("MaxAttempts", "4"));
        h.Server.On("GET", "/api/v3/app", Reply.Error(503, "Service Unavailable, try later"));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetAppAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Contains("GET /api/v3/app", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Service Unavailable, try later", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, h.Server.Requests.Count);
    }

    [Fact]
    public async Task GetApp_ConnectionDroppedThenSuccess_Retries()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/app", Reply.Dropped(), Reply.Ok("""{"id":123,"slug":"gitgrader","name":"GitGrader"}"""));

        var app = await h.Client.GetAppAsync(CancellationToken.None);

        Assert.Equal("gitgrader", app.Slug);
        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task GetApp_ConnectionAlwaysDropped_IsGitHubApiExceptionWithoutStatus()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/app", Reply.Dropped());

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetAppAsync(CancellationToken.None));

        Assert.Null(ex.StatusCode);
        Assert.Contains("GET /api/v3/app", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, h.Server.Requests.Count);
    }

    [Fact]
    public async Task CreateCheckRun_502OnPost_ResendsTheSameBody()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", $"{Answers.RepoPath}/check-runs", Reply.Error(502, "Bad Gateway"), Reply.Json(201, Answers.CheckRun(9)));

        var run = await h.Client.CreateCheckRunAsync(5, Answers.Repo, new NewCheckRun { Name = "Homework 1", HeadSha = "abc123" }, CancellationToken.None);

        Assert.Equal(9, run.Id);
        var posts = h.Server.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/check-runs", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, posts.Count);
        Assert.NotEmpty(posts[0].Body);
        Assert.Equal(posts[0].Body, posts[1].Body);
    }

    [Fact]
    public async Task UpdateCheckRun_404_IsNotRetried()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("PATCH", $"{Answers.RepoPath}/check-runs/9", Reply.Error(404, "Not Found"));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.UpdateCheckRunAsync(5, Answers.Repo, 9, new CheckRunUpdate { Status = CheckRunStatus.InProgress }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Single(h.Server.RequestsOtherThanTokens);
    }
}
