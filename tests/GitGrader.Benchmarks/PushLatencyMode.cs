using System.Diagnostics;
using System.Globalization;
using GitGrader.AppTests.Support;

namespace GitGrader.Benchmarks;

/// <summary>
/// <c>--push-latency N</c>: a student's <c>git push</c> to the GitHub stand-in until the completed
/// check run is on the commit, through a real <c>gitgrader serve</c> with an idle worker, N times on
/// the python-wordcount solution (after one unmeasured warm-up). Also splits the time: push done,
/// webhook answered, check run queued, in progress, completed.
/// </summary>
public static class PushLatencyMode
{
    public static async Task<int> RunAsync(int count, CancellationToken cancellationToken)
    {
        await using var scenario = await AppScenario.StartAsync(config => config["Worker"]!["Concurrency"] = 1);
        using var student = await scenario.StudentRepositoryAsync("alice");
        student.ReplaceFilesWith(CourseFolder.Solution);
        Console.WriteLine($"Push → completed check run: {count} pushes of the python-wordcount solution, idle worker, {Environment.ProcessorCount} cores, {MachineLoad.Describe()}");

        var total = new List<double>();
        var phases = new Dictionary<string, List<double>> { ["git push returned"] = [], ["webhook answered"] = [], ["check run queued"] = [], ["in progress"] = [], ["completed"] = [] };
        for (var i = 0; i <= count; i++)
        {
            student.WriteFile("notes.txt", $"push {i}\n");
            var sha = await student.CommitAllAsync($"push {i}");
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            await student.PushAsync();
            var pushed = clock.Elapsed.TotalMilliseconds;
            var run = await scenario.CompletedCheckRunAsync(sha, TimeSpan.FromSeconds(60));
            if (i == 0)
            {
                continue; // warm-up: JIT, first container of the image, first token
            }

            var delivery = scenario.GitHub.Deliveries.Last(d => d.Event == "push" && d.BodyText.Contains(sha, StringComparison.Ordinal));
            var completed = run.History.First(h => h.Status == "completed").At;
            total.Add((completed - started).TotalMilliseconds);
            phases["git push returned"].Add(pushed);
            phases["webhook answered"].Add((delivery.At - started).TotalMilliseconds + delivery.ElapsedMilliseconds);
            phases["check run queued"].Add((run.History.First().At - started).TotalMilliseconds);
            phases["in progress"].Add((run.History.First(h => h.Status == "in_progress").At - started).TotalMilliseconds);
            phases["completed"].Add((completed - started).TotalMilliseconds);
            if (run.Title != "10/10 points")
            {
                Console.Error.WriteLine($"push {i}: expected 10/10 points, got '{run.Title}'");
                return 1;
            }
        }

        foreach (var (phase, samples) in phases)
        {
            Console.WriteLine($"  {phase,-18} {Stats.Of(samples).Format()}");
        }

        var stats = Stats.Of(total);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT push → completed check run: median {stats.Median:F0} ms, p95 {stats.P95:F0} ms, max {stats.Max:F0} ms over {stats.Count} pushes (target p50 < 2000 ms: {(stats.Median < 2000 ? "met" : "NOT met")})"));
        scenario.GitHub.AssertNoViolations();
        return stats.Median < 2000 ? 0 : 1;
    }
}
