using System.Diagnostics;
using System.Text.Json.Nodes;
using GitGrader.AppTests.Support;
using GitGrader.Storage;

namespace GitGrader.AppTests.EndToEnd;

/// <summary>
/// Deliveries GitHub could not make: the server is down while students push, then starts; it reads GitHub's delivery
/// log, asks for the failed ones again, and grades every push once, with the time GitHub first tried.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DeliveryRecoveryTests
{
    private const int Pushes = 50;

    [Fact]
    public async Task The_server_down_while_50_students_push_grades_all_50_once_after_it_starts_with_GitHubs_times()
    {
        await using var scenario = await AppScenario.StartAsync();
        var copies = new List<(string Login, GitWorkingCopy Copy)>();
        for (var i = 1; i <= Pushes; i++)
        {
            var login = $"offline{i}";
            var copy = await scenario.StudentRepositoryAsync(login);
            copy.ReplaceFilesWith(CourseFolder.Solution);
            copy.WriteFile("AUTHORS", login); // each commit its own SHA
            copies.Add((login, copy));
        }

        await scenario.Server!.KillHardAsync();
        var pushed = new List<(string Login, string Sha)>();
        foreach (var (login, copy) in copies)
        {
            pushed.Add((login, await copy.CommitAllAsync("solution")));
            await copy.PushAsync();
        }

        // Every push was attempted, and none reached anyone.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (scenario.GitHub.Deliveries.Count(d => d.Event == "push") < Pushes)
        {
            Assert.True(DateTime.UtcNow < deadline, "the stand-in did not attempt every push");
            await Task.Delay(100);
        }

        var attempts = scenario.GitHub.Deliveries.Where(d => d.Event == "push").ToList();
        Assert.All(attempts, d => Assert.False(d.Succeeded));
        var down = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // so that a time we recorded could not be taken for GitHub's

        await scenario.StartServerAsync();
        var watch = Stopwatch.StartNew();
        foreach (var (login, sha) in pushed)
        {
            await scenario.GitHub.WaitForCheckRunAsync(r => r.HeadSha == sha && r.Status == "completed", TimeSpan.FromSeconds(180));
        }

        var recoveredIn = watch.Elapsed;
        var store = GradingStoreFactory.Create(scenario.Course.Database, TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        var scores = await store.GetStudentScoresAsync(CourseFolder.Slug, CancellationToken.None);
        foreach (var (login, sha) in pushed)
        {
            var run = Assert.Single(scenario.CheckRunsOn(sha));
            Assert.Equal(("completed", "10/10 points"), (run.Status, run.Title));
            Assert.Contains("Recovered: GitHub could not deliver this push", run.Summary, StringComparison.Ordinal);

            // The push counts from GitHub's first attempt (GitHub's log gives whole seconds), never from our late arrival.
            var firstAttempt = attempts.Where(a => a.Payload()["after"]!.GetValue<string>() == sha).Min(a => a.At);
            var score = Assert.Single(scores, s => s.Student == login);
            Assert.Equal((1, 10.0, true), (score.Attempts, score.LatestScore!.Value, score.LatestRecovered));
            Assert.InRange(score.LatestReceivedAt, firstAttempt.AddSeconds(-1), firstAttempt);
            Assert.True(score.LatestReceivedAt < down, $"{login}: recorded at {score.LatestReceivedAt:O}, after the outage");
        }

        var issue = await scenario.GitHub.WaitForIssueAsync(
            i => i.Repository.FullName == CourseFolder.InstructorRepository && i.Body is { } body && body.Contains("| `offline50` |", StringComparison.Ordinal) && body.Contains("(recovered)", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60));
        Assert.Contains("(recovered)", issue.Body!.Split('\n').Single(l => l.StartsWith("| `offline1` |", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains($"{Pushes} never received, {Pushes} asked for again", scenario.ServerOutput, StringComparison.Ordinal);
        Assert.True(recoveredIn < TimeSpan.FromSeconds(120), $"all {Pushes} graded {recoveredIn.TotalSeconds:0} s after the restart");
        scenario.GitHub.AssertNoViolations();
        await ((IAsyncDisposable)store).DisposeAsync();
        foreach (var (_, copy) in copies)
        {
            copy.Dispose();
        }
    }

    [Fact]
    public async Task Pushes_GitHub_never_delivered_are_found_by_the_branch_sweep_and_graded_once_with_GitHubs_push_times()
    {
        await using var scenario = await AppScenario.StartAsync(
            config => config["Recovery"] = new JsonObject
            {
                ["StartDelay"] = "00:00:01",
                ["Interval"] = "00:00:01",
                ["SweepInterval"] = "00:00:01",
                ["SweepGrace"] = "00:00:02",
            },
            startServer: false);

        // dave is not on the roster: his repository is known from a push delivered before the outage. alice is on the
        // roster and has never had a push recorded (her repository exists, as after accepting the assignment).
        using var dave = await scenario.StudentRepositoryAsync("dave");
        using var alice = await scenario.StudentRepositoryAsync("alice");
        await scenario.StartServerAsync();
        dave.ReplaceFilesWith(CourseFolder.Starter);
        var davesFirst = await dave.CommitAllAsync("starter");
        await dave.PushAsync();
        await scenario.CompletedCheckRunAsync(davesFirst);

        // GitHub's own delivery pipeline goes down: the pushes happen, no delivery is attempted or logged.
        scenario.GitHub.DropWebhooks = true;
        var before = DateTimeOffset.UtcNow;
        dave.ReplaceFilesWith(CourseFolder.Solution);
        var davesFix = await dave.CommitAllAsync("solution");
        await dave.PushAsync();
        alice.ReplaceFilesWith(CourseFolder.Solution);
        var alices = await alice.CommitAllAsync("solution");
        await alice.PushAsync();
        var after = DateTimeOffset.UtcNow;

        var daveRun = await scenario.CompletedCheckRunAsync(davesFix, TimeSpan.FromSeconds(60));
        var aliceRun = await scenario.CompletedCheckRunAsync(alices, TimeSpan.FromSeconds(60));

        Assert.DoesNotContain(scenario.GitHub.Deliveries, d => d.Event == "push" && (d.Payload()["after"]!.GetValue<string>() is var sha) && (sha == davesFix || sha == alices));
        foreach (var run in new[] { daveRun, aliceRun })
        {
            Assert.Equal("10/10 points", run.Title);
            Assert.Contains("Recovered: GitHub could not deliver this push", run.Summary, StringComparison.Ordinal);
        }

        // Several sweeps later, still one run per commit: a head is queued once however often it is swept, and a
        // repository with no new push is answered 304.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Single(scenario.CheckRunsOn(davesFix));
        Assert.Single(scenario.CheckRunsOn(alices));
        var activity = scenario.GitHub.Requests.Where(r => r.Path.EndsWith("/activity", StringComparison.Ordinal)).ToList();
        Assert.Contains(activity, r => r.Status == 304);

        var store = GradingStoreFactory.Create(scenario.Course.Database, TimeProvider.System);
        try
        {
            var scores = await store.GetStudentScoresAsync(CourseFolder.Slug, CancellationToken.None);
            var daves = Assert.Single(scores, s => s.Student == "dave");
            var alicesScore = Assert.Single(scores, s => s.Student == "alice");
            Assert.Equal((2, davesFix, true), (daves.Attempts, daves.LatestSha, daves.LatestRecovered));
            Assert.Equal((1, alices, true, 10.0), (alicesScore.Attempts, alicesScore.LatestSha, alicesScore.LatestRecovered, alicesScore.LatestScore!.Value));

            // The time GitHub recorded for the push (whole seconds), never when the sweep found it.
            foreach (var score in new[] { daves, alicesScore })
            {
                Assert.InRange(score.LatestReceivedAt, before.AddSeconds(-1), after);
            }
        }
        finally
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }

        Assert.Contains("which GitHub never delivered; queued it (recovered)", scenario.ServerOutput, StringComparison.Ordinal);
        scenario.GitHub.AssertNoViolations();
    }
}
