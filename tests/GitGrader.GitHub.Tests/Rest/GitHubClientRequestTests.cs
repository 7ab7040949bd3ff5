using System.Text.Json;
using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;

namespace GitGrader.GitHub.Tests.Rest;

/// <summary>Every request: the /api/v3/ prefix kept, GitHub's headers, the right credential, JSON bodies.</summary>
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
            Assert.Equal("GitGrader", request.Header("User-Agent"));
            Assert.Empty(request.Query);
        });
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
        Assert.Equal("token ghs_secret77x1", post.Header("Authorization"));
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
    public async Task AnswerNotJson_IsGitHubApiException()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v3/app", new Reply(200, "<html>proxy</html>"));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetAppAsync(CancellationToken.None));

        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }
}
