using GitGrader.AppTests.EndToEnd;
using GitGrader.AppTests.Support;
using GitGrader.GitHubStandIn;

namespace GitGrader.AppTests.Integration;

/// <summary>
/// GitHub answering 5xx or rate limiting GitGrader (the stand-in's fault injection): every push is still
/// graded and reported exactly once: one check run per commit, completed once, one comment per pull request.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class GitHubFailureTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Push_WhileGitHubFailsAndRateLimits_IsGradedAndReportedExactlyOnce()
    {
        await using var scenario = await AppScenario.StartAsync();
        using var alice = await scenario.StudentRepositoryAsync("alice");
        var repository = AppScenario.Repository("alice");

        // The first REST requests (token, check-run list and create, in whatever order the announcer and the worker send them) fail.
        scenario.GitHub.FailNextRequests(3, 502);
        scenario.GitHub.RateLimitNextRequests(1, TimeSpan.FromSeconds(1));
        scenario.GitHub.FailNextRequests(2, 503);
        alice.ReplaceFilesWith(CourseFolder.Starter);
        var starter = await alice.CommitAllAsync("starter");
        await alice.PushAsync();
        await alice.PushAsync("HEAD:refs/heads/feedback");
        var first = await scenario.CompletedCheckRunAsync(starter, Wait);
        Assert.Equal("failure", first.Conclusion);
        Assert.True(scenario.GitHub.Requests.Count(r => r.Surface == RequestSurface.Rest && r.Status >= 500) >= 5, "the injected 5xx were not all consumed");
        Assert.Contains(scenario.GitHub.Requests, r => r.Surface == RequestSurface.Rest && r.Status == 403);

        // The feedback pull request on the commit already graded: one comment, and no further check run.
        var pull = await scenario.GitHub.OpenPullRequestAsync(repository, "main", "feedback");
        var comment = await scenario.GitHub.WaitForCommentAsync(c => c.IssueNumber == pull && c.Body.Contains(first.Title!, StringComparison.Ordinal), Wait);

        // Comment edits fail more often than the client retries one request: the job itself is retried.
        scenario.GitHub.FailNextRequests(6, 502, pathContains: "/comments");
        scenario.GitHub.FailNextRequests(2, 500, pathContains: "/check-runs");
        alice.ReplaceFilesWith(CourseFolder.Solution);
        var solution = await alice.CommitAllAsync("solution");
        await alice.PushAsync();
        var second = await scenario.CompletedCheckRunAsync(solution, Wait);
        var edited = await scenario.GitHub.WaitForCommentAsync(c => c.Id == comment.Id && c.Body.Contains("10/10", StringComparison.Ordinal), Wait);

        Assert.Equal("10/10 points", second.Title);
        Assert.Equal("success", second.Conclusion);
        Assert.Contains(scenario.GitHub.Requests, r => r.Path.Contains("/comments", StringComparison.Ordinal) && r.Status == 502);
        await scenario.GitHub.WaitForWebhooksIdleAsync(Wait);
        await WaitForQueueEmptyAsync(scenario);

        foreach (var sha in new[] { starter, solution })
        {
            var runs = scenario.CheckRunsOn(sha);
            var run = Assert.Single(runs);
            Assert.Equal("completed", run.Status);
            Assert.Single(run.StatusHistory, s => s == "completed");

            // A request that fails on every try of the client fails the attempt: "will retry" may show, a final grader error may not.
            Assert.DoesNotContain(run.History, s => s.Title == "Grader error");
            Assert.Equal("completed", run.History[^1].Status);
        }

        Assert.Single(scenario.GitHub.Comments, c => c.Repository == repository && c.IssueNumber == pull);
        Assert.Equal("gitgrader-test[bot]", edited.AuthorLogin);
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task CommentEdit_FailingAfterTheCheckRunCompleted_RetriesTheJobWithoutReopeningTheCheckRun()
    {
        // One slot: the grade job of the new commit is the one whose comment edit fails.
        await using var scenario = await AppScenario.StartAsync(config => config["Worker"]!["Concurrency"] = 1);
        using var bob = await scenario.StudentRepositoryAsync("bob");
        var repository = AppScenario.Repository("bob");
        bob.ReplaceFilesWith(CourseFolder.Starter);
        var starter = await bob.CommitAllAsync("starter");
        await bob.PushAsync();
        await bob.PushAsync("HEAD:refs/heads/feedback");
        var first = await scenario.CompletedCheckRunAsync(starter, Wait);
        var pull = await scenario.GitHub.OpenPullRequestAsync(repository, "main", "feedback");
        var comment = await scenario.GitHub.WaitForCommentAsync(c => c.IssueNumber == pull && c.Body.Contains(first.Title!, StringComparison.Ordinal), Wait);
        await WaitForQueueEmptyAsync(scenario);

        // As many failures as the client tries one request (GitHub:MaxAttempts, 5): the edit fails, the job is retried.
        scenario.GitHub.FailNextRequests(5, 502, pathContains: $"/issues/comments/{comment.Id}");
        bob.ReplaceFilesWith(CourseFolder.Solution);
        var solution = await bob.CommitAllAsync("solution");
        await bob.PushAsync();
        await scenario.GitHub.WaitForCommentAsync(c => c.Id == comment.Id && c.Body.Contains("10/10", StringComparison.Ordinal), Wait);
        await WaitForQueueEmptyAsync(scenario);

        Assert.Equal(5, scenario.GitHub.Requests.Count(r => r.Method == "PATCH" && r.Path.EndsWith($"/issues/comments/{comment.Id}", StringComparison.Ordinal) && r.Status == 502));
        Assert.Contains("try failed (Outside; 0 of 3 failures of ours)", scenario.ServerOutput, StringComparison.Ordinal);
        var run = Assert.Single(scenario.CheckRunsOn(solution));
        Assert.Equal(("completed", "success", "10/10 points"), (run.Status, run.Conclusion, run.Title));
        Assert.Equal(["queued", "in_progress", "completed"], run.StatusHistory);
        Assert.DoesNotContain(run.History, s => s.Title is "Grader error" or "Grader error, will retry");
        Assert.Single(scenario.GitHub.Comments, c => c.Repository == repository && c.IssueNumber == pull);
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task GitHub_down_for_far_longer_than_the_tries_a_job_has_the_grade_is_reported_when_it_is_back()
    {
        // Three tries of ours, a second apart and doubling, would be spent in about 3 s; GitHub stays down for 20 s.
        await using var scenario = await AppScenario.StartAsync(config => config["Worker"]!["MaxRetryDelay"] = "00:00:02");
        using var carol = await scenario.StudentRepositoryAsync("carol");
        carol.ReplaceFilesWith(CourseFolder.Solution);
        var sha = await carol.CommitAllAsync("solution");
        await carol.PushAsync();
        await scenario.GitHub.WaitForCheckRunAsync(r => r.HeadSha == sha && r.Status == "in_progress", Wait);

        scenario.GitHub.FailRequestsFor(TimeSpan.FromSeconds(20), 503);
        var down = DateTimeOffset.UtcNow;
        var run = await scenario.CompletedCheckRunAsync(sha, Wait);

        Assert.True(DateTimeOffset.UtcNow - down >= TimeSpan.FromSeconds(19), "reported while GitHub was still down");
        Assert.Equal(("success", "10/10 points"), (run.Conclusion, run.Title));
        Assert.Single(run.StatusHistory, s => s == "completed");
        Assert.DoesNotContain(run.History, s => s.Title is "Grader error" or "Cannot be graded");
        Assert.True(scenario.GitHub.Requests.Count(r => r.Surface == RequestSurface.Rest && r.Status == 503) >= 10, "GitHub was not asked through the outage");
        Assert.Contains("try failed (Outside; 0 of 3 failures of ours)", scenario.ServerOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("gave up", scenario.ServerOutput, StringComparison.Ordinal);
        await WaitForQueueEmptyAsync(scenario);
        var store = GitGrader.Storage.GradingStoreFactory.Create(scenario.Course.Database, TimeProvider.System);
        Assert.Equal(1, Assert.Single(await store.GetStudentScoresAsync(CourseFolder.Slug, CancellationToken.None)).Attempts);
        await ((IAsyncDisposable)store).DisposeAsync();
        scenario.GitHub.AssertNoViolations();
    }

    /// <summary>Every job done (or failed): nothing GitGrader still has to say.</summary>
    private static async Task WaitForQueueEmptyAsync(AppScenario scenario)
    {
        var store = GitGrader.Storage.GradingStoreFactory.Create(scenario.Course.Database, TimeProvider.System);
        try
        {
            var deadline = DateTime.UtcNow + Wait;
            while (true)
            {
                var stats = await store.GetQueueStatsAsync(CancellationToken.None);
                if (stats.Queued == 0 && stats.Running == 0)
                {
                    Assert.Equal(0, stats.Failed);
                    return;
                }

                Assert.True(DateTime.UtcNow < deadline, $"jobs still queued or running after {Wait}: {stats}\n{scenario.ServerOutput}");
                await Task.Delay(200);
            }
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }
    }
}
