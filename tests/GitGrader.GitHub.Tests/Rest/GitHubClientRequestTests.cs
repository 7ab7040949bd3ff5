using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.GitHub.Tests.Rest;

/// <summary>Every request: the base URL as configured, GitHub's headers, the right credential, JSON bodies.</summary>
public sealed class GitHubClientRequestTests
{
    [Fact]
    public async Task AppEndpoints_SendBearerJwtAndGitHubHeaders()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/app", Reply.Ok("""{"id":123,"slug":"gitgrader","name":"GitGrader"}"""));
        h.Server.On("GET", $"{Answers.RepoPath}/installation", Reply.Ok("""{"id":4242,"app_id":123}"""));

        await h.Client.GetAppAsync(CancellationToken.None);
        var installationId = await h.Client.GetRepositoryInstallationIdAsync(Answers.Repo, CancellationToken.None);

        Assert.Equal(4242, installationId);
        Assert.Equal(["/api/v3/app", $"{Answers.RepoPath}/installation"], h.Server.Requests.Select(r => r.Path));
        Assert.All(h.Server.Requests, request =>
        {
            Assert.Matches(@"^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$", request.Header("Authorization"));
            Assert.Equal("application/vnd.github+json", request.Header("Accept"));
            Assert.Equal("2022-11-28", request.Header("X-GitHub-Api-Version"));
            Assert.Matches(@"^GitGrader \(.*; Octokit\.net 14\.[^)]*\)$", request.Header("User-Agent"));
            Assert.Empty(request.Query);
        });
    }

    [Fact]
    public async Task EveryKindOfRequest_SendsGitHubsAcceptApiVersionAndJsonContentType()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", $"{Answers.RepoPath}/check-runs", Reply.Json(201, Answers.CheckRun(9)));
        h.Server.On("PATCH", $"{Answers.RepoPath}/check-runs/9", Reply.Ok(Answers.CheckRun(9)));
        h.Server.On("POST", $"{Answers.RepoPath}/issues/4/comments", Reply.Json(201, Answers.Comment(10)));
        h.Server.On("PATCH", $"{Answers.RepoPath}/issues/comments/10", Reply.Ok(Answers.Comment(10)));
        h.Server.On("GET", $"{Answers.RepoPath}/issues/4/comments", Reply.Ok("[]"));
        h.Server.On("POST", $"{Answers.RepoPath}/issues", Reply.Json(201, Answers.Issue(12)));
        h.Server.On("PATCH", $"{Answers.RepoPath}/issues/12", Reply.Ok(Answers.Issue(12)));

        await h.Client.CreateCheckRunAsync(5, Answers.Repo, new NewCheckRun { Name = "n", HeadSha = "abc" }, CancellationToken.None);
        await h.Client.UpdateCheckRunAsync(5, Answers.Repo, 9, new CheckRunUpdate { Status = CheckRunStatus.InProgress }, CancellationToken.None);
        await h.Client.CreateIssueCommentAsync(5, Answers.Repo, 4, "c", CancellationToken.None);
        await h.Client.UpdateIssueCommentAsync(5, Answers.Repo, 10, "d", CancellationToken.None);
        await h.Client.ListIssueCommentsAsync(5, Answers.Repo, 4, CancellationToken.None);
        await h.Client.CreateIssueAsync(5, Answers.Repo, "t", "b", CancellationToken.None);
        await h.Client.UpdateIssueAsync(5, Answers.Repo, 12, "t", "b", CancellationToken.None);

        Assert.Equal(8, h.Server.Requests.Count);
        Assert.All(h.Server.Requests, request =>
        {
            Assert.Equal("application/vnd.github+json", request.Header("Accept"));
            Assert.Equal("2022-11-28", request.Header("X-GitHub-Api-Version"));
        });
        Assert.All(h.Server.Requests.Where(r => r.Body.Length > 0), request => Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type")));
        Assert.Empty(Assert.Single(h.Server.TokenRequests).Body);
        Assert.Equal(6, h.Server.Requests.Count(r => r.Body.Length > 0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("github/")]
    [InlineData("api/v3/")]
    public async Task ApiBaseUrl_IsUsedAsGiven_WhateverItsPath(string prefix)
    {
        await using var h = await ClientHarness.StartAsync();
        await using var services = h.ServicesWith(("ApiBaseUrl", new Uri(h.Server.Origin, prefix).ToString()));
        h.Server.On("GET", $"/{prefix}app", Reply.Ok("""{"id":123,"slug":"gitgrader","name":"GitGrader"}"""));
        h.Server.On("POST", $"/{prefix}app/installations/5/access_tokens", Reply.Json(201, """{"token":"ghs_t","expires_at":"2099-01-01T00:00:00Z"}"""));
        h.Server.On("GET", $"/{prefix}repos/octo-org/hw1-alice/issues/4/comments", Reply.Ok("[]", ("Link", $"<{{origin}}/{prefix}repos/octo-org/hw1-alice/issues/4/comments?per_page=100&page=2>; rel=\"next\"")));
        h.Server.On("GET", $"/{prefix}repos/octo-org/hw1-alice/issues/4/comments?per_page=100&page=2", Reply.Ok($"[{Answers.Comment(3)}]"));
        var client = services.GetRequiredService<IGitHubClient>();

        var app = await client.GetAppAsync(CancellationToken.None);
        var comments = await client.ListIssueCommentsAsync(5, Answers.Repo, 4, CancellationToken.None);

        Assert.Equal("gitgrader", app.Slug);
        Assert.Equal(3, Assert.Single(comments).Id);
        Assert.Equal(
            [$"/{prefix}app", $"/{prefix}app/installations/5/access_tokens", $"/{prefix}repos/octo-org/hw1-alice/issues/4/comments", $"/{prefix}repos/octo-org/hw1-alice/issues/4/comments"],
            h.Server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task RedirectToAnotherHost_IsRefusedWithoutSendingTheCredential()
    {
        await using var h = await ClientHarness.StartAsync();
        await using var elsewhere = await ScriptedGitHub.StartAsync(h.Clock);
        h.Server.On("GET", "/api/v3/app", new Reply(307, null, new Dictionary<string, string> { ["Location"] = new Uri(elsewhere.Origin, "api/v3/app").ToString() }));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetAppAsync(CancellationToken.None));

        Assert.Contains("not sending GitGrader's credentials", ex.Message, StringComparison.Ordinal);
        Assert.Contains(elsewhere.Origin.Authority, ex.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task RedirectOnTheSameHost_IsFollowedWithTheCredential()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", $"{Answers.RepoPath}/installation", new Reply(301, null, new Dictionary<string, string> { ["Location"] = "{origin}/api/v3/repositories/42/installation" }));
        h.Server.On("GET", "/api/v3/repositories/42/installation", Reply.Ok("""{"id":4242}"""));

        var installationId = await h.Client.GetRepositoryInstallationIdAsync(Answers.Repo, CancellationToken.None);

        Assert.Equal(4242, installationId);
        Assert.StartsWith("Bearer ", h.Server.Requests[^1].Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallationEndpoints_SendTokenFromAccessTokensEndpoint()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", $"{Answers.RepoPath}/issues/4/comments", Reply.Json(201, Answers.Comment(10)));

        var comment = await h.Client.CreateIssueCommentAsync(77, Answers.Repo, 4, "**7/10**", CancellationToken.None);

        Assert.Equal(10, comment.Id);
        var tokenRequest = Assert.Single(h.Server.TokenRequests);
        Assert.Equal("/api/v3/app/installations/77/access_tokens", tokenRequest.Path);
        Assert.StartsWith("Bearer ", tokenRequest.Header("Authorization"), StringComparison.Ordinal);
        var post = Assert.Single(h.Server.RequestsOtherThanTokens);
        Assert.Equal("Token ghs_secret77x1", post.Header("Authorization"));
        Assert.Equal("""{"body":"**7/10**"}""", post.Body);
        Assert.StartsWith("application/json", post.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueCalls_SendTitleAndBodyOnly()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", $"{Answers.RepoPath}/issues", Reply.Json(201, Answers.Issue(12)));
        h.Server.On("PATCH", $"{Answers.RepoPath}/issues/12", Reply.Ok(Answers.Issue(12)));
        h.Server.On("PATCH", $"{Answers.RepoPath}/issues/comments/10", Reply.Ok(Answers.Comment(10)));

        var issue = await h.Client.CreateIssueAsync(5, Answers.Repo, "Grades", "table", CancellationToken.None);
        await h.Client.UpdateIssueAsync(5, Answers.Repo, 12, "Grades v2", "table 2", CancellationToken.None);
        await h.Client.UpdateIssueCommentAsync(5, Answers.Repo, 10, "edited", CancellationToken.None);

        Assert.Equal(12, issue.Number);
        Assert.Equal(
            ["""{"title":"Grades","body":"table"}""", """{"title":"Grades v2","body":"table 2"}""", """{"body":"edited"}"""],
            h.Server.RequestsOtherThanTokens.Select(r => r.Body));
    }

    [Fact]
    public async Task RepositoryNames_AreEscapedInThePath()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/repos/o/a%20b/installation", Reply.Ok("""{"id":1}"""));

        Assert.Equal(1, await h.Client.GetRepositoryInstallationIdAsync(new RepositoryRef("o", "a b"), CancellationToken.None));
    }

    [Fact]
    public async Task MissingMemberInAnswer_IsGitHubApiExceptionNamingIt()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/app", Reply.Ok("""{"slug":"gitgrader"}"""));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetAppAsync(CancellationToken.None));

        Assert.Contains("'id'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerNotJson_IsGitHubApiExceptionNamingTheRequest()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/app", new Reply(200, "<html>proxy</html>"));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetAppAsync(CancellationToken.None));

        Assert.Contains("answer to GET /api/v3/app is not the expected JSON", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public async Task ListAnswerNotAnArray_IsGitHubApiExceptionNamingTheRequest()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", $"{Answers.RepoPath}/commits/abc/pulls", new Reply(200, null));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.ListPullRequestsForCommitAsync(5, Answers.Repo, "abc", CancellationToken.None));

        Assert.Contains($"GET {Answers.RepoPath}/commits/abc/pulls lacks '(a JSON array)'", ex.Message, StringComparison.Ordinal);
    }
}
