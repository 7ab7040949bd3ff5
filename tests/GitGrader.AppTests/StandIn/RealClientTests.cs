using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.AppTests.StandInTests;

/// <summary>GitGrader's own GitHub client, wired as the app wires it, against the stand-in: every endpoint, no violations.</summary>
public sealed class RealClientTests : RealClientTestBase
{
    private static RepositoryRef Repository => new(Org, Repo);

    [Fact]
    public async Task AppEndpoints_AndInstallationToken_WorkForGit()
    {
        var sha = await SeedAsync();

        var app = await Client.GetAppAsync(CancellationToken.None);
        var installation = await Client.GetRepositoryInstallationIdAsync(Repository, CancellationToken.None);
        var token = await Client.GetInstallationTokenAsync(installation, CancellationToken.None);
        var fetched = Git.Folder("fetch");
        await Git.CheckedAsync(fetched, "init", "--quiet");
        await Git.CheckedAsync(fetched, "fetch", "--quiet", "--depth", "1", GitHub.GitRemoteUrl(Org, Repo, token).AbsoluteUri, sha);

        Assert.Equal((GitHub.AppId, GitHub.AppSlug), (app.Id, app.Slug));
        Assert.Equal(InstallationId, installation);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task RecentPushes_AreNewestFirst_WithGitHubsTimes_AndAskingAgainUnchangedIsA304ThatReadsTheSame()
    {
        var work = Git.Folder("activity");
        await Git.CheckedAsync(work, "init", "--quiet", "--initial-branch", "main");
        await Git.CheckedAsync(work, "remote", "add", "origin", GitHub.GitRemoteUrl(Org, Repo, GitHub.CreateUserToken("alice")).AbsoluteUri);
        var first = await Git.CommitFileAsync(work, "main.py", "print(1)\n", "first");
        await Git.CheckedAsync(work, "push", "--quiet", "origin", "main");
        var second = await Git.CommitFileAsync(work, "main.py", "print(2)\n", "second");
        await Git.CheckedAsync(work, "push", "--quiet", "origin", "main", "main:refs/heads/wip");
        var before = DateTimeOffset.UtcNow;

        var pushes = await Client.ListRecentPushesAsync(InstallationId, Repository, 10, CancellationToken.None);
        var again = await Client.ListRecentPushesAsync(InstallationId, Repository, 10, CancellationToken.None);

        Assert.Equal(3, pushes.Count);
        Assert.Equal([second, second, first], pushes.Select(p => p.After));
        Assert.Equal(["refs/heads/wip", "refs/heads/main", "refs/heads/main"], pushes.Select(p => p.Ref));
        Assert.Equal(["branch_creation", "push", "branch_creation"], pushes.Select(p => p.ActivityType));
        Assert.Contains(pushes, p => p.Ref == "refs/heads/main" && p.ActivityType == "push" && p.Before == first);
        Assert.All(pushes, p => Assert.Equal("alice", p.Actor));
        Assert.All(pushes, p => Assert.InRange(p.PushedAt, before.AddMinutes(-1), before.AddSeconds(1)));
        Assert.Equal(pushes, again);
        Assert.Equal([200, 304], ActivityStatuses());

        // A new push: the next ask is answered in full, and sees it.
        var third = await Git.CommitFileAsync(work, "main.py", "print(3)\n", "third");
        await Git.CheckedAsync(work, "push", "--quiet", "origin", "main");
        var newer = await Client.ListRecentPushesAsync(InstallationId, Repository, 10, CancellationToken.None);

        Assert.Equal(third, newer[0].After);
        Assert.Equal([200, 304, 200], ActivityStatuses());
        GitHub.AssertNoViolations();
    }

    private List<int> ActivityStatuses() => [.. GitHub.Requests.Where(r => r.Path.EndsWith("/activity", StringComparison.Ordinal)).Select(r => r.Status)];

    [Fact]
    public async Task CheckRun_CreateWith120Annotations_UpdateToCompleted_ListForRef()
    {
        var sha = await SeedAsync();
        var annotations = Enumerable.Range(1, 120).Select(i => new CheckRunAnnotation("main.py", i, i, "failure", $"line {i}", null)).ToList();

        var run = await Client.CreateCheckRunAsync(InstallationId, Repository, new NewCheckRun
        {
            Name = "hw1",
            HeadSha = sha,
            ExternalId = "job-7",
            Status = CheckRunStatus.InProgress,
            StartedAt = DateTimeOffset.UtcNow,
            Output = new CheckRunOutput { Title = "running", Summary = "…", Annotations = annotations },
        }, CancellationToken.None);
        await Client.UpdateCheckRunAsync(InstallationId, Repository, run.Id, new CheckRunUpdate
        {
            Conclusion = CheckRunConclusion.Failure,
            CompletedAt = DateTimeOffset.UtcNow,
            Output = new CheckRunOutput { Title = "7/10 points", Summary = new string('s', 70_000) },
        }, CancellationToken.None);
        var listed = await Client.ListCheckRunsForRefAsync(InstallationId, Repository, sha, "hw1", CancellationToken.None);

        var view = Assert.Single(GitHub.CheckRuns);
        Assert.Equal(120, view.Annotations.Count);
        Assert.Equal(("completed", "failure", "7/10 points"), (view.Status, view.Conclusion, view.Title));
        Assert.Equal(["in_progress", "completed"], view.StatusHistory);
        Assert.Equal(run.Id, Assert.Single(listed).Id);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task CommentsAndIssues_RoundTrip_AndRetriesSurviveA502()
    {
        await SeedAsync();
        await SeedAsync("x\n", branch: "feature");
        var number = await GitHub.OpenPullRequestAsync(Org, Repo, "feature", "main", "alice");
        var sha = GitHub.PullRequests.Single().HeadSha;
        GitHub.FailNextRequests(1, 502, pathContains: "/comments");

        var pulls = await Client.ListPullRequestsForCommitAsync(InstallationId, Repository, sha, CancellationToken.None);
        var comment = await Client.CreateIssueCommentAsync(InstallationId, Repository, number, "<!-- gitgrader -->\n7/10", CancellationToken.None);
        await Client.UpdateIssueCommentAsync(InstallationId, Repository, comment.Id, "<!-- gitgrader -->\n10/10", CancellationToken.None);
        var comments = await Client.ListIssueCommentsAsync(InstallationId, Repository, number, CancellationToken.None);
        var issue = await Client.CreateIssueAsync(InstallationId, Repository, "hw1 scores", "| student |", CancellationToken.None);
        await Client.UpdateIssueAsync(InstallationId, Repository, issue.Number, "hw1 scores", "| student | score |", CancellationToken.None);
        var issues = await Client.ListIssuesAsync(InstallationId, Repository, GitHub.BotLogin, CancellationToken.None);

        Assert.Equal(number, Assert.Single(pulls).Number);
        Assert.Equal("<!-- gitgrader -->\n10/10", Assert.Single(comments).Body);
        Assert.Equal(1, Assert.Single(GitHub.Comments).EditCount);
        Assert.Equal(issue.Number, Assert.Single(issues).Number);
        Assert.Equal("| student | score |", Assert.Single(GitHub.Issues).Body);
        Assert.Contains(GitHub.Requests, r => r.Status == 502);
        GitHub.AssertNoViolations();
    }
}
