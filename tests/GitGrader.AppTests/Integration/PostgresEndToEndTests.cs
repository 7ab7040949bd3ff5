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

        // Every run on a commit ends with its score, and the newest (the one GitHub shows) has it. Two runs of one
        // job can exist here: serve's announcer and the worker, in two processes, may both create it at the same
        // moment, and the store offers no way to reserve the creation. The worker completes both alike.
        AssertEveryRunCompletedAs(scenario.CheckRunsOn(starter), first.Title!, "failure");
        AssertEveryRunCompletedAs(scenario.CheckRunsOn(solution), "10/10 points", "success");
        Assert.Single(scenario.GitHub.Comments, c => c.IssueNumber == pull && c.Repository == AppScenario.Repository("alice"));
        Assert.Single(scenario.GitHub.Issues, i => i.Repository.FullName == CourseFolder.InstructorRepository);
        scenario.GitHub.AssertNoViolations();
    }

    private static void AssertEveryRunCompletedAs(IReadOnlyList<GitGrader.GitHubStandIn.CheckRunView> runs, string title, string conclusion)
    {
        Assert.NotEmpty(runs);
        Assert.True(runs.Count <= 2, $"more runs than the two a front-end and a worker can race to create: {string.Join("; ", runs)}");
        Assert.Single(runs.Select(r => r.ExternalId).Distinct());
        Assert.All(runs, r => Assert.Equal(("completed", conclusion, title), (r.Status, r.Conclusion, r.Title)));
        Assert.Equal(title, runs.MaxBy(r => r.Id)!.Title);
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
