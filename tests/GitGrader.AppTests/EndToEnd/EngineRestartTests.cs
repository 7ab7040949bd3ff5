using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GitGrader.AppTests.Support;
using GitGrader.Storage;

namespace GitGrader.AppTests.EndToEnd;

/// <summary>
/// The Docker engine restarted while a submission is graded (an operator's <c>systemctl restart docker</c>, an engine
/// upgrade): the step it cut short is our failure, never the student's; the grade is tried again and ends with the score
/// the work earns, and nothing of the cut grade is left on the engine. Runs on an engine of its own, so the restart
/// touches no other test.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class EngineRestartTests
{
    [Fact]
    public async Task The_Docker_engine_restarted_mid_grade_is_retried_to_the_full_score_never_a_zero_and_leaves_no_container()
    {
        await using var engine = await PrivateDockerEngine.StartAsync("gitgrader/python:latest");
        // The default retry rule (Worker:RetryDelay 15 s, 3 tries): what an instructor runs.
        await using var scenario = await AppScenario.StartAsync(config =>
        {
            config["Docker"] = new JsonObject { ["Endpoint"] = engine.Endpoint };
            config["Worker"]!.AsObject().Remove("RetryDelay");
            config["Worker"]!.AsObject().Remove("MaxAttempts");
        });
        using var grace = await scenario.StudentRepositoryAsync("grace");
        grace.ReplaceFilesWith(CourseFolder.Solution);
        CourseFolder.SlowDown(Path.Combine(grace.Directory, "wordcount.py"));
        var sha = await grace.CommitAllAsync("a slow but right solution");
        await grace.PushAsync();

        // Restart while a test step runs: the grade's container is up and its first step is under way.
        await scenario.GitHub.WaitForCheckRunAsync(r => r.HeadSha == sha && r.Status == "in_progress", TimeSpan.FromSeconds(60));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await engine.ContainersAsync("io.gitgrader.managed=true")).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the grade's container never appeared on the private engine:\n{scenario.ServerOutput}");
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.DoesNotContain(scenario.CheckRunsOn(sha), r => r.Status == "completed");
        await engine.RestartAsync();

        var completed = await scenario.CompletedCheckRunAsync(sha, TimeSpan.FromSeconds(150));

        Assert.True(completed.Title == "10/10 points", $"{completed.Title}: {completed.Summary}\n{scenario.ServerOutput}");
        Assert.Equal("success", completed.Conclusion);
        Assert.Single(scenario.CheckRunsOn(sha));
        var titles = completed.History.Select(s => s.Title).ToList();
        Assert.Contains("Grader error, will retry", titles); // the restart did cut the first try short
        Assert.DoesNotContain(titles, t => t is not null && ScoreTitle().IsMatch(t) && t != "10/10 points");

        // The store: one result, the full score; the failed try counted as ours.
        var store = GradingStoreFactory.Create(scenario.Course.Database, TimeProvider.System);
        try
        {
            var score = Assert.Single(await store.GetStudentScoresAsync(CourseFolder.Slug, CancellationToken.None));
            Assert.Equal(10, score.LatestScore);
            Assert.Equal(1, score.Attempts);
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }

        // The cut grade's container, which could not be removed while the engine was down, was removed when the grade
        // was tried again; the retry's own was removed at its end.
        Assert.Empty(await engine.ContainersAsync("io.gitgrader.managed=true"));
        scenario.GitHub.AssertNoViolations();
    }

    [GeneratedRegex(@"^\d+(\.\d+)?/\d+(\.\d+)? points$")]
    private static partial Regex ScoreTitle();
}
