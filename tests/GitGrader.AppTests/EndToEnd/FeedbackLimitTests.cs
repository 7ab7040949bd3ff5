using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using GitGrader.AppTests.Support;
using GitGrader.Hosting;
using GitGrader.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.AppTests.EndToEnd;

/// <summary>
/// Feedback limits end to end: the real server (in this process, so the test holds the clock the
/// days are read from), the GitHub stand-in, Docker. The python-wordcount assignment has 6 visible
/// and 4 hidden points; with 3 hidden results a day, the 4th push of the day is graded and stored in
/// full but its check run and pull request comment show the visible tests only.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FeedbackLimitTests
{
    // 19:48 in Berlin (winter, UTC+1): the day ends at 00:00 Europe/Berlin, in 4 h 12 min.
    private static readonly DateTimeOffset Evening = new(2026, 12, 2, 18, 48, 0, TimeSpan.Zero);

    private static readonly string[] HiddenTests = ["Last line without a newline", "Unicode text from a file"];

    [Fact]
    public async Task Fourth_push_of_the_day_shows_visible_tests_only_the_instructor_sees_all_and_the_next_day_shows_hidden_again()
    {
        await using var scenario = await AppScenario.StartAsync(startServer: false);
        AddFeedbackLimit(scenario.Course, "feedback: { hidden_results_per_day: 3, resets_at: \"00:00\", time_zone: Europe/Berlin }");
        var clock = new FeedbackClock(Evening);
        await using var server = await StartInProcessAsync(scenario, clock);
        using var alice = await scenario.StudentRepositoryAsync("alice");

        var shas = new List<string>();
        var runs = new List<GitGrader.GitHubStandIn.CheckRunView>();
        for (var i = 0; i < 4; i++)
        {
            alice.ReplaceFilesWith(CourseFolder.Solution);
            alice.WriteFile("notes.txt", $"attempt {i}\n");
            shas.Add(await alice.CommitAllAsync($"attempt {i}"));
            await alice.PushAsync();
            if (i == 0)
            {
                await alice.PushAsync("HEAD:refs/heads/feedback");
            }

            runs.Add(await scenario.CompletedCheckRunAsync(shas[i]));
        }

        // Within the limit: the full score, hidden tests listed, and the count.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("10/10 points", runs[i].Title);
            Assert.Equal("success", runs[i].Conclusion);
            Assert.All(HiddenTests, name => Assert.Contains(name, Shown(runs[i].Summary), StringComparison.Ordinal));
            Assert.Contains($"Hidden tests: {i + 1} of 3 results used today, this one included; the count starts again at 00:00 Europe/Berlin (in 4 h 12 min).", Shown(runs[i].Summary), StringComparison.Ordinal);
        }

        // Past it: visible tests only, no score with hidden points in it, neutral, and when they come back.
        var fourth = runs[3];
        Assert.Equal("6/6 points on visible tests (hidden results used up today)", fourth.Title);
        Assert.Equal("neutral", fourth.Conclusion);
        Assert.Contains("Hidden tests: 3 of 3 results used today; they come back at 00:00 Europe/Berlin (in 4 h 12 min).", Shown(fourth.Summary), StringComparison.Ordinal);
        Assert.Contains("Counts a short text", Shown(fourth.Summary), StringComparison.Ordinal);
        Assert.All(HiddenTests, name => Assert.DoesNotContain(name, Shown(fourth.Summary), StringComparison.Ordinal));
        Assert.DoesNotContain("10/10", Shown(fourth.Summary), StringComparison.Ordinal);
        Assert.DoesNotContain("/10", fourth.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("🔒", Shown(fourth.Summary), StringComparison.Ordinal);

        // The pull request comment, written for the 4th commit when the pull request opens: the same view.
        var pull = await scenario.GitHub.OpenPullRequestAsync(AppScenario.Repository("alice"), "main", "feedback");
        var comment = await scenario.GitHub.WaitForCommentAsync(c => c.IssueNumber == pull && Shown(c.Body).Contains("3 of 3 results used today", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.All(HiddenTests, name => Assert.DoesNotContain(name, Shown(comment.Body), StringComparison.Ordinal));
        Assert.Contains("6/6", Shown(comment.Body), StringComparison.Ordinal);
        Assert.DoesNotContain("10/10", Shown(comment.Body), StringComparison.Ordinal);

        // The instructor sees every push, graded in full: 4 attempts, the latest 10/10.
        var issue = await scenario.GitHub.WaitForIssueAsync(
            i => i.Repository.FullName == CourseFolder.InstructorRepository && i.Body is { } body && body.Contains($"`{shas[3][..7]}`", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60));
        var aliceRow = issue.Body!.Split('\n').Single(l => l.StartsWith("| `alice` |", StringComparison.Ordinal));
        Assert.Contains("| 10/10 | 10/10 |", aliceRow, StringComparison.Ordinal);
        Assert.EndsWith("| 4 |", aliceRow, StringComparison.Ordinal);
        var (exit, output) = await ServerProcess.RunToEndAsync(scenario.Course.Root, "export", "--config", scenario.Course.ConfigFile);
        Assert.True(exit == 0, output);
        Assert.Contains(output.Split('\n').Select(l => l.TrimEnd('\r')), r => r.Contains($"cs101-fall/python-wordcount-alice,10,10,10,{shas[3]},", StringComparison.Ordinal) && r.Contains(",false,4,10,10,0,0,", StringComparison.Ordinal));

        // Past midnight in Berlin the day's results are back.
        clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(13));
        alice.WriteFile("notes.txt", "next morning\n");
        var morning = await alice.CommitAllAsync("next morning");
        await alice.PushAsync();
        var next = await scenario.CompletedCheckRunAsync(morning);

        Assert.Equal("10/10 points", next.Title);
        Assert.Equal("success", next.Conclusion);
        Assert.All(HiddenTests, name => Assert.Contains(name, Shown(next.Summary), StringComparison.Ordinal));
        Assert.Contains("Hidden tests: 1 of 3 results used today, this one included; the count starts again at 00:00 Europe/Berlin (in 23 h 59 min).", Shown(next.Summary), StringComparison.Ordinal);
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task An_unlimited_override_sees_every_hidden_result()
    {
        await using var scenario = await AppScenario.StartAsync(
            config => config["Classroom"]!["FeedbackOverrides"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["Student"] = "prof-test", ["Unlimited"] = true }),
            startServer: false);
        AddFeedbackLimit(scenario.Course, "feedback: { hidden_results_per_day: 0, time_zone: Europe/Berlin }");
        await using var server = await StartInProcessAsync(scenario, new FeedbackClock(Evening));
        using var staff = await scenario.StudentRepositoryAsync("prof-test");
        using var bob = await scenario.StudentRepositoryAsync("bob");

        // Different files, so the two commits differ (the same tree, message and second would give one sha).
        staff.ReplaceFilesWith(CourseFolder.Solution);
        staff.WriteFile("notes.txt", "staff\n");
        var staffSha = await staff.CommitAllAsync("solution");
        await staff.PushAsync();
        bob.ReplaceFilesWith(CourseFolder.Solution);
        bob.WriteFile("notes.txt", "bob\n");
        var bobSha = await bob.CommitAllAsync("solution");
        await bob.PushAsync();

        Assert.NotEqual(staffSha, bobSha);
        var staffRun = await scenario.CompletedCheckRunAsync(staffSha);
        var bobRun = await scenario.CompletedCheckRunAsync(bobSha);

        Assert.Equal("10/10 points", staffRun.Title);
        Assert.DoesNotContain("Hidden tests:", Shown(staffRun.Summary), StringComparison.Ordinal);
        Assert.Equal("6/6 points on visible tests (hidden results used up today)", bobRun.Title);
        Assert.Contains("Hidden tests: their results are not shown for this assignment", Shown(bobRun.Summary), StringComparison.Ordinal);
        Assert.DoesNotContain("Last line without a newline", Shown(bobRun.Summary), StringComparison.Ordinal);
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task A_grader_error_uses_no_hidden_result()
    {
        await using var scenario = await AppScenario.StartAsync(
            config =>
            {
                config["Docker"] = new System.Text.Json.Nodes.JsonObject { ["Endpoint"] = "unix:///tmp/nonexistent.sock" };
                config["Worker"]!["MaxAttempts"] = 1;
            },
            startServer: false);
        AddFeedbackLimit(scenario.Course, "feedback: { hidden_results_per_day: 1, time_zone: Europe/Berlin }");
        var clock = new FeedbackClock(Evening);
        var server = await StartInProcessAsync(scenario, clock);
        using var alice = await scenario.StudentRepositoryAsync("alice");
        alice.ReplaceFilesWith(CourseFolder.Solution);
        var sha = await alice.CommitAllAsync("solution");
        await alice.PushAsync();
        var failed = await scenario.CompletedCheckRunAsync(sha);
        Assert.Equal("Grader error", failed.Title);

        // Docker back: staff press Re-run; the day's one result is still there.
        await server.DisposeAsync();
        var config = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(scenario.Course.ConfigFile))!.AsObject();
        config.Remove("Docker");
        await File.WriteAllTextAsync(scenario.Course.ConfigFile, config.ToJsonString());
        await using var restarted = await StartInProcessAsync(scenario, clock);
        await scenario.GitHub.RerequestCheckRunAsync(failed.Id);
        var regraded = await scenario.GitHub.WaitForCheckRunAsync(r => r.HeadSha == sha && r.Id != failed.Id && r.Status == "completed", TimeSpan.FromSeconds(90));

        Assert.Equal("10/10 points", regraded.Title);
        Assert.Contains("Hidden tests: 1 of 1 results used today, this one included; the count starts again at 00:00 Europe/Berlin (in 4 h 12 min).", Shown(regraded.Summary), StringComparison.Ordinal);

        // And that one is now used: the next commit shows the visible tests only.
        alice.WriteFile("notes.txt", "again\n");
        var next = await alice.CommitAllAsync("again");
        await alice.PushAsync();
        var limited = await scenario.CompletedCheckRunAsync(next);
        Assert.Equal("6/6 points on visible tests (hidden results used up today)", limited.Title);
        scenario.GitHub.AssertNoViolations();
    }

    /// <summary>Markdown as GitHub shows it: a backslash before ASCII punctuation is only an escape (CommonMark).</summary>
    private static string Shown(string? markdown) => Regex.Replace(markdown ?? string.Empty, @"\\([!-/:-@\[-`{-~])", "$1");

    private static void AddFeedbackLimit(CourseFolder course, string line)
    {
        var file = Path.Combine(course.AssignmentsFolder, CourseFolder.Slug, "assignment.yml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\ntests:\n", $"\n{line}\n\ntests:\n", StringComparison.Ordinal));
    }

    private static async Task<InProcessServer> StartInProcessAsync(AppScenario scenario, FeedbackClock clock)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var app = await GitGraderHost.BuildServerAsync(
            new HostSettings(new FileInfo(scenario.Course.ConfigFile), null, null, false),
            [baseUrl.AbsoluteUri.TrimEnd('/')],
            CancellationToken.None,
            services => services.AddKeyedSingleton<TimeProvider>(FeedbackGate.ClockKey, clock));
        await app.StartAsync();
        scenario.GitHub.WebhookUrl = new Uri(baseUrl, "webhooks/github");
        return new InProcessServer(app);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class InProcessServer(WebApplication app) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>The clock feedback days are read from; the test moves it.</summary>
    private sealed class FeedbackClock(DateTimeOffset start) : TimeProvider
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow()
        {
            lock (_lock)
            {
                return _now;
            }
        }

        public void Advance(TimeSpan by)
        {
            lock (_lock)
            {
                _now += by;
            }
        }
    }
}
