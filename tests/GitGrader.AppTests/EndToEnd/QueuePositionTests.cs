using GitGrader.AppTests.Support;

namespace GitGrader.AppTests.EndToEnd;

/// <summary>While a push waits behind others, its queued check run says how many are ahead, and never overwrites "Grading…".</summary>
[Collection(EndToEndCollection.Name)]
public sealed class QueuePositionTests
{
    [Fact]
    public async Task Pushes_waiting_behind_a_slow_grade_show_their_place_as_the_line_moves()
    {
        await using var scenario = await AppScenario.StartAsync(config =>
        {
            config["Worker"]!["Concurrency"] = 1;
            config["Queue"] = new System.Text.Json.Nodes.JsonObject { ["Interval"] = "00:00:00.300" };
        });
        using var slow = await scenario.StudentRepositoryAsync("slow");
        slow.ReplaceFilesWith(CourseFolder.Solution);
        var program = Path.Combine(slow.Directory, "wordcount.py");
        File.WriteAllText(program, File.ReadAllText(program).Replace("def main():\n", "def main():\n    __import__(\"time\").sleep(1.5)\n", StringComparison.Ordinal));
        var first = await slow.CommitAllAsync("slow but right");
        await slow.PushAsync();
        await scenario.GitHub.WaitForCheckRunAsync(r => r.HeadSha == first && r.Status == "in_progress", TimeSpan.FromSeconds(60));

        var waiting = new List<string>();
        var copies = new List<GitWorkingCopy>();
        for (var i = 1; i <= 4; i++)
        {
            var copy = await scenario.StudentRepositoryAsync($"line{i}");
            copies.Add(copy);
            copy.ReplaceFilesWith(CourseFolder.Solution);
            copy.WriteFile("AUTHORS", $"line{i}");
            waiting.Add(await copy.CommitAllAsync("solution"));
            await copy.PushAsync();
        }

        foreach (var sha in waiting)
        {
            await scenario.CompletedCheckRunAsync(sha, TimeSpan.FromSeconds(120));
        }

        var last = Assert.Single(scenario.CheckRunsOn(waiting[^1]));
        var titles = last.History.Select(s => s.Title).ToList();
        Assert.Contains("Queued: 3 ahead of you", titles);
        Assert.Contains("Queued: next in line", titles);
        Assert.True(titles.IndexOf("Queued: 3 ahead of you") < titles.IndexOf("Queued: next in line"), string.Join(" → ", titles));
        foreach (var sha in waiting.Prepend(first))
        {
            var run = Assert.Single(scenario.CheckRunsOn(sha));
            Assert.Equal(["queued", "in_progress", "completed"], run.StatusHistory);
            Assert.Equal("10/10 points", run.Title);

            // Once a worker has it, no place in line is written over "Grading…".
            var started = run.History.ToList().FindIndex(s => s.Status == "in_progress");
            Assert.DoesNotContain(run.History.Skip(started), s => s.Title?.StartsWith("Queued", StringComparison.Ordinal) == true);
        }

        scenario.GitHub.AssertNoViolations();
        foreach (var copy in copies)
        {
            copy.Dispose();
        }
    }
}
