using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GitGrader.AppTests.EndToEnd;
using GitGrader.AppTests.Support;
using GitGrader.Storage;

namespace GitGrader.AppTests.Integration;

/// <summary>A Docker engine that does not answer is our failure: retried, then a neutral "Grader error", never a score.</summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class DockerDownTests
{
    [Fact]
    public async Task Push_WithTheDockerEngineDown_EndsNeutralGraderErrorAfterARetryAndTheServerStaysHealthy()
    {
        await using var scenario = await AppScenario.StartAsync(config =>
        {
            config["Docker"] = new JsonObject { ["Endpoint"] = "unix:///tmp/nonexistent.sock" };
            config["Worker"]!["MaxAttempts"] = 2;
            config["Worker"]!["RetryDelay"] = "00:00:01";
        });
        using var alice = await scenario.StudentRepositoryAsync("alice");
        alice.ReplaceFilesWith(CourseFolder.Solution);
        var sha = await alice.CommitAllAsync("solution");
        await alice.PushAsync();

        var run = await scenario.CompletedCheckRunAsync(sha);

        Assert.Equal("neutral", run.Conclusion);
        Assert.Equal("Grader error", run.Title);
        Assert.Contains("not a zero", run.Summary, StringComparison.Ordinal);
        Assert.Single(scenario.CheckRunsOn(sha));
        Assert.Single(run.StatusHistory, s => s == "completed");
        Assert.Contains(run.History, s => s.Status == "queued" && s.Title == "Grader error, will retry");
        var titles = run.History.Select(s => s.Title).ToList();
        var retryAt = titles.IndexOf("Grader error, will retry");
        var finalAt = titles.LastIndexOf("Grader error");
        Assert.True(retryAt < finalAt, $"the retry state came after the final one: {string.Join(" → ", run.History.Select(s => s.Title))}");
        Assert.DoesNotContain(run.History, s => s.Title is { } title && ScoreTitle().IsMatch(title));

        // The server still answers, and says one job failed.
        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri(scenario.Server!.BaseUrl, "healthz"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var answer = JsonNode.Parse(await health.Content.ReadAsStringAsync())!;
        Assert.Equal("ok", answer["status"]!.GetValue<string>());
        Assert.Equal(1, answer["failed"]!.GetValue<int>());
        Assert.False(scenario.Server.HasExited);

        // The store: the job failed after its attempts, nothing graded, no score for alice.
        var store = GradingStoreFactory.Create(scenario.Course.Database, TimeProvider.System);
        try
        {
            var stats = await store.GetQueueStatsAsync(CancellationToken.None);
            Assert.Equal((0, 0, 0, 1), (stats.Queued, stats.Running, stats.Done, stats.Failed));
            var scores = await store.GetStudentScoresAsync(CourseFolder.Slug, CancellationToken.None);
            Assert.Null(Assert.Single(scores).LatestScore);
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }

        Assert.Contains("Docker engine at unix:///tmp/nonexistent.sock does not answer", scenario.ServerOutput, StringComparison.Ordinal);
        scenario.GitHub.AssertNoViolations();
    }

    [GeneratedRegex(@"\d+(\.\d+)?/\d+(\.\d+)? points")]
    private static partial Regex ScoreTitle();
}
