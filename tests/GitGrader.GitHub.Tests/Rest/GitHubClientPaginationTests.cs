using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;

namespace GitGrader.GitHub.Tests.Rest;

/// <summary>Lists follow <c>Link: rel="next"</c> with <c>per_page=100</c>, and keep the <c>/api/v3/</c> prefix.</summary>
public sealed class GitHubClientPaginationTests
{
    [Fact]
    public async Task ListCheckRunsForRef_ThreePages_FollowsNextLinks()
    {
        await using var h = await ClientHarness.StartAsync();
        var path = $"{Answers.RepoPath}/commits/refs%2Fheads%2Fmain/check-runs";
        h.Server.On("GET", path + "?check_name=Homework%201&filter=all&per_page=100", Reply.Ok(
            $$"""{"total_count":5,"check_runs":[{{Answers.CheckRun(1)}},{{Answers.CheckRun(2)}}]}""",
            ("Link", $"<{{origin}}{path}?check_name=Homework%201&filter=all&per_page=100&page=2>; rel=\"next\", <{{origin}}{path}?page=3>; rel=\"last\"")));
        h.Server.On("GET", path + "?check_name=Homework%201&filter=all&per_page=100&page=2", Reply.Ok(
            $$"""{"total_count":5,"check_runs":[{{Answers.CheckRun(3)}},{{Answers.CheckRun(4)}}]}""",
            ("Link", $"<{{origin}}{path}?page=1>; rel=\"prev\", <{{origin}}{path}?check_name=Homework%201&filter=all&per_page=100&page=3>; rel=\"next\"")));
        h.Server.On("GET", path + "?check_name=Homework%201&filter=all&per_page=100&page=3", Reply.Ok(
            $$"""{"total_count":5,"check_runs":[{{Answers.CheckRun(5, "completed", "success")}}]}""",
            ("Link", $"<{{origin}}{path}?page=1>; rel=\"first\"")));

        var runs = await h.Client.ListCheckRunsForRefAsync(5, Answers.Repo, "refs/heads/main", "Homework 1", CancellationToken.None);

        Assert.Equal([1L, 2, 3, 4, 5], runs.Select(r => r.Id));
        Assert.Equal(new CheckRun(5, "Homework 1", "abc123", "job-7", "completed", "success", "https://github.com/octo-org/hw1-alice/runs/5"), runs[4]);
        Assert.Equal(3, h.Server.RequestsOtherThanTokens.Count);
        Assert.All(h.Server.RequestsOtherThanTokens, r => Assert.StartsWith("Token ghs_", r.Header("Authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListIssues_LeavesPullRequestsOut_AndFiltersByCreator()
    {
        await using var h = await ClientHarness.StartAsync();
        var path = $"{Answers.RepoPath}/issues";
        h.Server.On("GET", path + "?state=all&creator=gitgrader%5Bbot%5D&per_page=100", Reply.Ok(
            $"[{Answers.Issue(1)},{Answers.Issue(2, pullRequest: true)}]",
            ("Link", $"<{{origin}}{path}?state=all&creator=gitgrader%5Bbot%5D&per_page=100&page=2>; rel=\"next\"")));
        h.Server.On("GET", path + "?state=all&creator=gitgrader%5Bbot%5D&per_page=100&page=2", Reply.Ok($"[{Answers.Issue(3)}]"));

        var issues = await h.Client.ListIssuesAsync(5, Answers.Repo, "gitgrader[bot]", CancellationToken.None);

        Assert.Equal([1, 3], issues.Select(i => i.Number));
        Assert.Equal(new Issue(3, "Issue 3", "Body 3", "open", "https://github.com/octo-org/hw1-alice/issues/3"), issues[1]);
    }

    [Fact]
    public async Task ListIssues_NoCreator_LeavesTheParameterOut()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", $"{Answers.RepoPath}/issues?state=all&per_page=100", Reply.Ok("[]"));

        var issues = await h.Client.ListIssuesAsync(5, Answers.Repo, null, CancellationToken.None);

        Assert.Empty(issues);
    }

    [Fact]
    public async Task ListIssueComments_TwoPages_ReadsAuthors()
    {
        await using var h = await ClientHarness.StartAsync();
        var path = $"{Answers.RepoPath}/issues/4/comments";
        h.Server.On("GET", path + "?per_page=100", Reply.Ok($"[{Answers.Comment(10)}]", ("Link", $"<{{origin}}{path}?per_page=100&page=2>; rel=\"next\"")));
        h.Server.On("GET", path + "?per_page=100&page=2", Reply.Ok($"[{Answers.Comment(11)}]"));

        var comments = await h.Client.ListIssueCommentsAsync(5, Answers.Repo, 4, CancellationToken.None);

        Assert.Equal([new IssueComment(10, "Comment 10", "gitgrader[bot]", "https://github.com/c/10"), new IssueComment(11, "Comment 11", "gitgrader[bot]", "https://github.com/c/11")], comments);
    }

    [Fact]
    public async Task ListPullRequestsForCommit_ReadsHead()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", $"{Answers.RepoPath}/commits/abc123/pulls?per_page=100", Reply.Ok(
            """[{"number":7,"state":"open","head":{"sha":"abc123","ref":"feature"},"html_url":"https://github.com/p/7"}]"""));

        var pulls = await h.Client.ListPullRequestsForCommitAsync(5, Answers.Repo, "abc123", CancellationToken.None);

        Assert.Equal([new PullRequestSummary(7, "open", "abc123", "feature", "https://github.com/p/7")], pulls);
    }

    [Fact]
    public async Task ListIssueComments_NextLinkToAnotherHost_IsNotFollowed()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", $"{Answers.RepoPath}/issues/4/comments?per_page=100", Reply.Ok($"[{Answers.Comment(10)}]", ("Link", "<https://evil.example/steal?page=2>; rel=\"next\"")));

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.ListIssueCommentsAsync(5, Answers.Repo, 4, CancellationToken.None));

        Assert.Contains("another host", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListIssueComments_NextLinkForever_StopsAfterMaxPages()
    {
        await using var h = await ClientHarness.StartAsync();
        var path = $"{Answers.RepoPath}/issues/4/comments";
        var page = Reply.Ok($"[{Answers.Comment(10)}]", ("Link", $"<{{origin}}{path}?per_page=100&page=2>; rel=\"next\""));
        h.Server.On("GET", path + "?per_page=100", page);
        h.Server.On("GET", path + "?per_page=100&page=2", page);

        var ex = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.ListIssueCommentsAsync(5, Answers.Repo, 4, CancellationToken.None));

        Assert.Contains($"GET {path} has more than 1000 pages", ex.Message, StringComparison.Ordinal);
        Assert.Equal(GitHubClient.MaxPages, h.Server.RequestsOtherThanTokens.Count);
    }
}
