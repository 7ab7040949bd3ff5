using GitGrader.AppTests.EndToEnd;
using GitGrader.AppTests.Support;
using GitGrader.Storage;

namespace GitGrader.AppTests.Integration;

/// <summary>
/// Scaled out: <c>gitgrader serve</c> as a webhook front-end only (<c>Worker:Enabled=false</c>) and a separate
/// <c>gitgrader worker</c> process grading, sharing one fresh PostgreSQL database.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PostgresEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Wrong_then_right_solution_through_a_front_end_and_a_separate_worker_on_PostgreSQL()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var scenario = await AppScenario.StartAsync(config =>
        {
            config["Storage"]!["Database"] = database.ConnectionString;
            config["Worker"]!["Enabled"] = false;
        });
        await using var worker = await WorkerProcess.StartAsync(scenario.Course.ConfigFile, scenario.Course.Root);
        using var alice = await scenario.StudentRepositoryAsync("alice");

        alice.ReplaceFilesWith(CourseFolder.Starter);
        var starter = await alice.CommitAllAsync("starter");
        await alice.PushAsync();
        await alice.PushAsync("HEAD:refs/heads/feedback");
        var first = await scenario.CompletedCheckRunAsync(starter, Wait);
        Assert.Equal("failure", first.Conclusion);
        Assert.NotEqual("10/10 points", first.Title);

        var pull = await scenario.GitHub.OpenPullRequestAsync(AppScenario.Repository("alice"), "main", "feedback");
        var comment = await scenario.GitHub.WaitForCommentAsync(c => c.IssueNumber == pull && c.Body.Contains(first.Title!, StringComparison.Ordinal), Wait);

        alice.ReplaceFilesWith(CourseFolder.Solution);
        var solution = await alice.CommitAllAsync("solution");
        await alice.PushAsync();
        var second = await scenario.CompletedCheckRunAsync(solution, Wait);

        Assert.Equal("10/10 points", second.Title);
        Assert.Equal("success", second.Conclusion);
        Assert.Single(second.StatusHistory, s => s == "completed");
        await scenario.GitHub.WaitForCommentAsync(c => c.Id == comment.Id && c.Body.Contains("10/10", StringComparison.Ordinal), Wait);
        var issue = await scenario.GitHub.WaitForIssueAsync(
            i => i.Repository.FullName == CourseFolder.InstructorRepository && i.Body is { } body && body.Contains("| `alice` |", StringComparison.Ordinal) && body.Contains("10/10", StringComparison.Ordinal),
            Wait);
        Assert.Contains("| 10/10 | 10/10 |", issue.Body!.Split('\n').Single(l => l.StartsWith("| `alice` |", StringComparison.Ordinal)), StringComparison.Ordinal);

        // Grading happened in the worker process, never in the front-end.
        await worker.WaitForOutputAsync($"graded cs101-fall/python-wordcount-alice@{starter[..7]}: ", Wait);
        await worker.WaitForOutputAsync($"graded cs101-fall/python-wordcount-alice@{solution[..7]}: 10/10", Wait);
        Assert.DoesNotContain("claimed job", scenario.ServerOutput, StringComparison.Ordinal);
        Assert.False(worker.HasExited);

        // The shared PostgreSQL store holds it all; nothing stays queued.
        var store = GradingStoreFactory.Create(database.ConnectionString, TimeProvider.System);
        try
        {
            var score = Assert.Single(await store.GetStudentScoresAsync(CourseFolder.Slug, CancellationToken.None));
            Assert.Equal("alice", score.Student);
            Assert.Equal(10, score.BestScore);
            Assert.Equal(10, score.LatestScore);
            Assert.Equal(2, score.Attempts);
            Assert.Equal(solution, score.LatestSha);
            await WaitUntilIdleAsync(store);
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }

        // One run per commit, though serve's announcer and the worker, in two processes, both set out to create it.
        AssertOneRunCompletedAs(scenario.CheckRunsOn(starter), first.Title!, "failure");
        AssertOneRunCompletedAs(scenario.CheckRunsOn(solution), "10/10 points", "success");
        Assert.Single(scenario.GitHub.Comments, c => c.IssueNumber == pull && c.Repository == AppScenario.Repository("alice"));
        Assert.Single(scenario.GitHub.Issues, i => i.Repository.FullName == CourseFolder.InstructorRepository);
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task Two_front_ends_and_two_workers_on_one_PostgreSQL_under_a_burst_put_one_check_run_and_one_comment_on_each_commit()
    {
        // Both front-ends announce queued runs (the second hears no webhook, but reads the shared queue); both
        // workers create runs and comments as they grade; a pull request opened at once races its report job
        // against the grade job. Every one of them sets out to create each commit's run and each pull request's comment.
        const int Students = 6;
        await using var database = await PostgresDatabase.CreateAsync();
        await using var scenario = await AppScenario.StartAsync(config =>
        {
            config["Storage"]!["Database"] = database.ConnectionString;
            config["Worker"]!["Enabled"] = false;
        });
        await using var secondFront = await ServerProcess.StartServeAsync(scenario.Course.ConfigFile, scenario.Course.Root);
        await using var workerA = await WorkerProcess.StartAsync(scenario.Course.ConfigFile, scenario.Course.Root);
        await using var workerB = await WorkerProcess.StartAsync(scenario.Course.ConfigFile, scenario.Course.Root);
        var logins = Enumerable.Range(1, Students).Select(i => $"burst{i}").ToList();
        var copies = new List<GitWorkingCopy>();
        foreach (var login in logins)
        {
            var copy = await scenario.StudentRepositoryAsync(login);
            copy.ReplaceFilesWith(CourseFolder.Solution);
            copy.WriteFile("AUTHORS", login); // each commit its own SHA (same files, message and second would give one)
            copies.Add(copy);
        }

        var pushed = await Task.WhenAll(logins.Zip(copies).Select(async pair =>
        {
            var (login, copy) = pair;
            var sha = await copy.CommitAllAsync("solution");
            await copy.PushAsync("HEAD:refs/heads/feedback");
            await copy.PushAsync();
            var pull = await scenario.GitHub.OpenPullRequestAsync(AppScenario.Repository(login), "main", "feedback");
            return (Login: login, Sha: sha, Pull: pull);
        }));

        foreach (var (login, sha, pull) in pushed)
        {
            await scenario.CompletedCheckRunAsync(sha, Wait);
            await scenario.GitHub.WaitForCommentAsync(c => c.Repository == AppScenario.Repository(login) && c.IssueNumber == pull && c.Body.Contains("10/10", StringComparison.Ordinal), Wait);
        }

        var store = GradingStoreFactory.Create(database.ConnectionString, TimeProvider.System);
        try
        {
            await WaitUntilIdleAsync(store);
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }

        foreach (var (login, sha, pull) in pushed)
        {
            AssertOneRunCompletedAs(scenario.CheckRunsOn(sha), "10/10 points", "success");
            Assert.Single(scenario.GitHub.Comments, c => c.Repository == AppScenario.Repository(login) && c.IssueNumber == pull);
        }

        Assert.False(workerA.HasExited || workerB.HasExited || secondFront.HasExited);
        scenario.GitHub.AssertNoViolations();
        foreach (var copy in copies)
        {
            copy.Dispose();
        }
    }

    private static void AssertOneRunCompletedAs(IReadOnlyList<GitGrader.GitHubStandIn.CheckRunView> runs, string title, string conclusion)
    {
        var run = Assert.Single(runs);
        Assert.Equal(("completed", conclusion, title), (run.Status, run.Conclusion, run.Title));
    }

    private static async Task WaitUntilIdleAsync(IGradingStore store)
    {
        var deadline = DateTime.UtcNow + Wait;
        var stats = await store.GetQueueStatsAsync(CancellationToken.None);
        while (stats.Queued + stats.Running > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            stats = await store.GetQueueStatsAsync(CancellationToken.None);
        }

        Assert.Equal((0, 0, 0), (stats.Queued, stats.Running, stats.Failed));
    }
}
