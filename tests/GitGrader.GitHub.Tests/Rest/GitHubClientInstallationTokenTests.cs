using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;

namespace GitGrader.GitHub.Tests.Rest;

/// <summary>Installation tokens: fetched as the App, cached until 5 minutes before expiry, one fetch for concurrent callers.</summary>
public sealed class GitHubClientInstallationTokenTests
{
    [Fact]
    public async Task GetInstallationToken_SecondCall_IsServedFromTheCache()
    {
        await using var h = await ClientHarness.StartAsync();

        var first = await h.Client.GetInstallationTokenAsync(5, CancellationToken.None);
        var second = await h.Client.GetInstallationTokenAsync(5, CancellationToken.None);

        Assert.Equal("ghs_secret5x1", first);
        Assert.Equal(first, second);
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task GetInstallationToken_CloseToExpiry_IsRefreshed()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.Client.GetInstallationTokenAsync(5, CancellationToken.None);

        h.Clock.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await h.Client.GetInstallationTokenAsync(5, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var refreshed = await h.Client.GetInstallationTokenAsync(5, CancellationToken.None);
        var cachedAgain = await h.Client.GetInstallationTokenAsync(5, CancellationToken.None);

        Assert.Equal("ghs_secret5x1", stillCached);
        Assert.Equal("ghs_secret5x2", refreshed);
        Assert.Equal(refreshed, cachedAgain);
        Assert.Equal(2, h.Server.TokenRequests.Count);
    }

    [Fact]
    public async Task GetInstallationToken_ConcurrentCallers_ShareOneRequest()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.TokenDelay = TimeSpan.FromMilliseconds(300);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Task.Run(() => h.Client.GetInstallationTokenAsync(5, CancellationToken.None))));

        Assert.All(tokens, token => Assert.Equal("ghs_secret5x1", token));
        Assert.Single(h.Server.TokenRequests);
    }

    [Fact]
    public async Task GetInstallationToken_ConcurrentCallsOfEveryKind_ShareOneRequestPerInstallation()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.TokenDelay = TimeSpan.FromMilliseconds(200);
        h.Server.On("POST", $"{Answers.RepoPath}/issues/1/comments", Reply.Json(201, Answers.Comment(1)));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => h.Client.CreateIssueCommentAsync(i % 2 == 0 ? 5 : 6, Answers.Repo, 1, "x", CancellationToken.None))));

        Assert.Equal(["/api/v3/app/installations/5/access_tokens", "/api/v3/app/installations/6/access_tokens"], h.Server.TokenRequests.Select(r => r.Path).Order());
        Assert.All(h.Server.RequestsOtherThanTokens, r => Assert.Matches("^Token ghs_secret(5|6)x[12]$", r.Header("Authorization")));
    }

    [Fact]
    public async Task GetInstallationToken_OneCallerCancels_OthersStillGetTheToken()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.TokenDelay = TimeSpan.FromMilliseconds(400);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var cancelled = h.Client.GetInstallationTokenAsync(5, cancel.Token);
        var patient = h.Client.GetInstallationTokenAsync(5, CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal("ghs_secret5x1", await patient);
        Assert.Single(h.Server.TokenRequests);
    }

    [Fact]
    public async Task GetInstallationToken_FailedFetch_IsNotCached()
    {
        await using var h = await ClientHarness.StartAsync(("MaxAttempts", "1"));
        h.Server.On("POST", "/api/v3/app/installations/5/access_tokens", Reply.Error(500, "boom"), Reply.Json(201, """{"token":"ghs_secondTry","expires_at":"2099-01-01T00:00:00Z"}"""));

        await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetInstallationTokenAsync(5, CancellationToken.None));
        var token = await h.Client.GetInstallationTokenAsync(5, CancellationToken.None);

        Assert.Equal("ghs_secondTry", token);
    }

    [Fact]
    public async Task InstallationCall_401_DropsTheTokenSoTheNextCallFetchesANewOne()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", $"{Answers.RepoPath}/issues/1/comments", Reply.Error(401, "Bad credentials"), Reply.Json(201, Answers.Comment(1)));

        await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.CreateIssueCommentAsync(5, Answers.Repo, 1, "x", CancellationToken.None));
        await h.Client.CreateIssueCommentAsync(5, Answers.Repo, 1, "x", CancellationToken.None);

        Assert.Equal(["Token ghs_secret5x1", "Token ghs_secret5x2"], h.Server.RequestsOtherThanTokens.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task GetInstallationToken_AnswerWithoutExpiry_IsGitHubApiException()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v3/app/installations/5/access_tokens", Reply.Json(201, """{"token":"ghs_x"}"""));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetInstallationTokenAsync(5, CancellationToken.None));

        Assert.Contains("expires_at", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghs_x", ex.ToString(), StringComparison.Ordinal);
    }
}
