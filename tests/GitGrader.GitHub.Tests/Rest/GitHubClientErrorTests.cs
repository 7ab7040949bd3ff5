using System.Globalization;
using System.Net;
using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;

namespace GitGrader.GitHub.Tests.Rest;

/// <summary>GitHub's errors, as Octokit reads them, become GitHubApiExceptions naming the request, GitHub's message, errors and documentation.</summary>
public sealed class GitHubClientErrorTests
{
    [Fact]
    public async Task ValidationFailed_MessageHasRequestMessageErrorsAndDocumentation()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("PATCH", $"{Answers.RepoPath}/issues/comments/10", Reply.Json(
            422,
            """{"message":"Validation Failed","errors":[{"resource":"IssueComment","code":"custom","field":"body","message":"body is too long"}],"documentation_url":"https://docs.github.com/rest/issues/comments"}"""));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.UpdateIssueCommentAsync(5, Answers.Repo, 10, "x", CancellationToken.None));

        Assert.Equal(
            $"GitHub answered 422 to PATCH {Answers.RepoPath}/issues/comments/10: Validation Failed Errors: IssueComment.body custom: body is too long (see https://docs.github.com/rest/issues/comments)",
            ex.Message);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ex.StatusCode);
        Assert.IsAssignableFrom<Octokit.ApiValidationException>(ex.InnerException);
    }

    [Fact]
    public async Task ErrorsAsPlainStrings_AreStillInTheMessage()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", $"{Answers.RepoPath}/check-runs", Reply.Json(422, """{"message":"Invalid request.","errors":["Only 50 annotations are allowed per request."],"documentation_url":"https://docs.github.com/rest/checks/runs"}"""));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.CreateCheckRunAsync(5, Answers.Repo, new NewCheckRun { Name = "n", HeadSha = "abc" }, CancellationToken.None));

        Assert.Equal(
            $"GitHub answered 422 to POST {Answers.RepoPath}/check-runs: Invalid request. Errors: [\"Only 50 annotations are allowed per request.\"] (see https://docs.github.com/rest/checks/runs)",
            ex.Message);
    }

    [Fact]
    public async Task RateLimitStillExceededAfterTheLastTry_SaysWhenItResets()
    {
        await using var h = await ClientHarness.StartAsync(("MaxAttempts", "1"));
        var reset = ClientHarness.Start.AddSeconds(1);
        h.Server.On("GET", "/api/v3/app", Reply.Error(403, "API rate limit exceeded for installation ID 5.", ("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetAppAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Contains("GET /api/v3/app: API rate limit exceeded for installation ID 5.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("The rate limit resets at 2025-03-14T15:09:27Z.", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<Octokit.RateLimitExceededException>(ex.InnerException);
    }

    [Fact]
    public async Task NotFound_KeepsTheStatusForCallersThatExpectIt()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("PATCH", $"{Answers.RepoPath}/issues/comments/10", Reply.Error(404, "Not Found"));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.UpdateIssueCommentAsync(5, Answers.Repo, 10, "x", CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal($"GitHub answered 404 to PATCH {Answers.RepoPath}/issues/comments/10: Not Found (see https://docs.github.com/rest)", ex.Message);
    }

    [Fact]
    public async Task ProxyErrorPage_IsCutShort()
    {
        await using var h = await ClientHarness.StartAsync(("MaxAttempts", "1"));
        h.Server.On("GET", "/api/v3/app", new Reply(502, "<html>" + new string('x', 5000) + "</html>"));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetAppAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.StartsWith("GitHub answered 502 to GET /api/v3/app: <html>xxx", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 1100, $"message has {ex.Message.Length} characters");
    }
}
