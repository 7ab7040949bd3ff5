using System.Diagnostics;
using System.Globalization;
using GitGrader.AppTests.Integration;
using GitGrader.AppTests.Support;
using GitGrader.Storage;

namespace GitGrader.Benchmarks;

/// <summary>
/// <c>--burst [N]</c>: a deadline. N students (default 1,000) push the python-wordcount solution within a few seconds, through
/// the GitHub stand-in and a real <c>gitgrader serve</c>: first on SQLite with one process grading SLOTS at once (default:
/// cores), then on PostgreSQL with <c>serve</c> as a front-end and two <c>gitgrader worker</c> processes (SLOTS/2 each).
/// Prints, for each: pushes, graded once, duplicates (a second check run or result), lost, wall time, grades per second
/// against the target 0.8 × cores ÷ one grade's time, p50/p95 push → completed check run, and where the CPU went: busy
/// CPU-seconds per grade alone and in the burst (every process on the machine), and the user/kernel/idle split.
/// </summary>
public static class BurstMode
{
    private const int PushersAtOnce = 16;

    public static async Task<int> RunAsync(int students, int slots, CancellationToken cancellationToken)
    {
        var cores = Environment.ProcessorCount;
        Console.WriteLine($"Burst: {students} students push within seconds; {cores} cores, {slots} grading slots, {MachineLoad.Describe()}");
        var sqlite = await RunOnceAsync($"SQLite, one process, {slots} slots", students, slots, postgres: null, cancellationToken);
        await using var database = await PostgresDatabase.CreateAsync();
        var perWorker = Math.Max(1, slots / 2);
        var postgres = await RunOnceAsync($"PostgreSQL, front-end + two workers, {perWorker} slots each", students, slots, database, cancellationToken);
        return sqlite && postgres ? 0 : 1;
    }

    private static async Task<bool> RunOnceAsync(string label, int students, int slots, PostgresDatabase? postgres, CancellationToken cancellationToken)
    {
        var cores = Environment.ProcessorCount;
        await using var scenario = await AppScenario.StartAsync(config =>
        {
            config["Worker"]!["Concurrency"] = postgres is null ? slots : 1;
            config["Worker"]!["Lease"] = "00:00:30";
            if (postgres is not null)
            {
                config["Storage"]!["Database"] = postgres.ConnectionString;
                config["Worker"]!["Enabled"] = false;
            }
        });
        var workers = new List<WorkerProcess>();
        if (postgres is not null)
        {
            // Two grading processes sharing the database, each with half the slots.
            var config = File.ReadAllText(scenario.Course.ConfigFile).Replace("\"Concurrency\": 1", $"\"Concurrency\": {Math.Max(1, slots / 2)}", StringComparison.Ordinal);
            var workerConfig = Path.Combine(scenario.Course.Root, "worker.json");
            File.WriteAllText(workerConfig, config.Replace("\"Enabled\": false", "\"Enabled\": true", StringComparison.Ordinal));
            workers.Add(await WorkerProcess.StartAsync(workerConfig, scenario.Course.Root));
            workers.Add(await WorkerProcess.StartAsync(workerConfig, scenario.Course.Root));
        }

        try
        {
            // Grades alone, warm: what a single grade costs here.
            using var warm = await scenario.StudentRepositoryAsync("warmup");
            warm.ReplaceFilesWith(CourseFolder.Solution);
            var warmSha = await warm.CommitAllAsync("warm-up");
            await warm.PushAsync();
            await scenario.CompletedCheckRunAsync(warmSha, TimeSpan.FromSeconds(120));
            // Three grades alone, one after another, the median: one sample swings by a third on this machine.
            var alone = new List<TimeSpan>();
            var aloneCpu = CpuSample.Now();
            var aloneProcesses = ProcessCpu.Now();
            var aloneClock = Stopwatch.GetTimestamp();
            for (var i = 0; i < 3; i++)
            {
                warm.WriteFile("AUTHORS", $"again {i}");
                var aloneSha = await warm.CommitAllAsync($"alone {i}");
                await warm.PushAsync();
                var run = await scenario.CompletedCheckRunAsync(aloneSha, TimeSpan.FromSeconds(120));
                alone.Add(run.History.First(h => h.Status == "completed").At - run.History.First(h => h.Status == "in_progress").At);
            }

            var aloneBusy = CpuSample.Now().BusySince(aloneCpu) / alone.Count;
            var aloneParts = ProcessCpu.Since(aloneProcesses, ProcessCpu.Now());
            var aloneWall = Stopwatch.GetElapsedTime(aloneClock).TotalSeconds / alone.Count;
            var single = alone.Order().ElementAt(1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: one grade alone {string.Join(", ", alone.Select(a => $"{a.TotalSeconds:0.00} s"))}; median {single.TotalSeconds:0.00} s; " +
                $"push to completed {aloneWall:0.00} s and {aloneBusy:0.00} busy CPU-seconds each ({string.Join("; ", aloneParts.Select(p => $"{p.Part} {p.Seconds / alone.Count:0.000}"))})"));

            Console.WriteLine($"{label}: preparing {students} repositories…");
            var copies = new List<(string Login, GitWorkingCopy Copy, string Sha)>();
            for (var i = 1; i <= students; i++)
            {
                var login = $"burst{i:0000}";
                var copy = await scenario.StudentRepositoryAsync(login);
                copy.ReplaceFilesWith(CourseFolder.Solution);
                copy.WriteFile("AUTHORS", login);
                copies.Add((login, copy, await copy.CommitAllAsync("solution")));
            }

            var pushedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            var burstCpu = CpuSample.Now();
            var burstProcesses = ProcessCpu.Now();
            var start = DateTimeOffset.UtcNow;
            await Parallel.ForEachAsync(copies, new ParallelOptions { MaxDegreeOfParallelism = PushersAtOnce, CancellationToken = cancellationToken }, async (c, _) =>
            {
                var at = DateTimeOffset.UtcNow;
                await c.Copy.PushAsync();
                lock (pushedAt)
                {
                    pushedAt[c.Sha] = at;
                }
            });
            var pushing = DateTimeOffset.UtcNow - start;
            Console.WriteLine($"{label}: {students} pushes in {pushing.TotalSeconds:0.0} s; grading…");

            var budget = TimeSpan.FromSeconds(60 + (students * single.TotalSeconds * 3 / Math.Max(1, cores)));
            var deadline = DateTimeOffset.UtcNow + budget;
            var shas = copies.Select(c => c.Sha).ToHashSet(StringComparer.Ordinal);
            while (DateTimeOffset.UtcNow < deadline && scenario.GitHub.CheckRuns.Count(r => shas.Contains(r.HeadSha) && r.Status == "completed") < students)
            {
                await Task.Delay(500, cancellationToken);
            }

            var cpu = CpuSample.Now();
            var processes = ProcessCpu.Since(burstProcesses, ProcessCpu.Now());
            var runs = scenario.GitHub.CheckRuns.Where(r => shas.Contains(r.HeadSha)).ToList();
            var completed = runs.Where(r => r.Status == "completed").GroupBy(r => r.HeadSha).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var store = GradingStoreFactory.Create(postgres?.ConnectionString ?? scenario.Course.Database, TimeProvider.System);
            var scores = await store.GetStudentScoresAsync(CourseFolder.Slug, cancellationToken);
            await ((IAsyncDisposable)store).DisposeAsync();
            var lost = students - completed.Count;
            var duplicates = runs.Count - runs.Select(r => r.HeadSha).Distinct(StringComparer.Ordinal).Count();
            var wrong = completed.Values.Count(v => v[0].Title != "10/10 points");
            var gradedOnce = completed.Count(c => c.Value.Count == 1 && c.Value[0].StatusHistory.Count(s => s == "completed") == 1);
            var ends = completed.Values.Select(v => v[0].History.First(h => h.Status == "completed").At).ToList();
            var wall = (ends.Count > 0 ? ends.Max() : DateTimeOffset.UtcNow) - start;
            var latencies = completed.Select(c => (c.Value[0].History.First(h => h.Status == "completed").At - pushedAt[c.Key]).TotalMilliseconds).ToList();
            var stats = Stats.Of(latencies);
            var rate = completed.Count / wall.TotalSeconds;
            var target = 0.8 * cores / single.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT burst {label}: pushes {students}, graded once {gradedOnce}, duplicates {duplicates}, lost {lost}, wrong score {wrong}; " +
                $"wall {wall.TotalSeconds:0.0} s (pushing {pushing.TotalSeconds:0.0} s); {rate:0.00} grades/s (target ≥ 0.8 × {cores} cores ÷ {single.TotalSeconds:0.00} s one grade = {target:0.00}: {(rate >= target ? "met" : "NOT met")}); " +
                $"push → completed p50 {stats.Median / 1000:0.0} s, p95 {stats.P95 / 1000:0.0} s; students in the roster table {scores.Count(s => s.Student.StartsWith("burst", StringComparison.Ordinal))}; " +
                $"CPU {cpu.BusySince(burstCpu) / Math.Max(1, completed.Count):0.00} busy CPU-seconds a grade (pushes included), {cpu.DescribeSince(burstCpu)}"));
            var perGrade = Math.Max(1, completed.Count);
            var busy = cpu.BusySince(burstCpu);
            var rest = busy - processes.Sum(p => p.Seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: where the CPU went, busy CPU-seconds a grade: {string.Join("; ", processes.Select(p => $"{p.Part} {p.Seconds / perGrade:0.000}"))}; " +
                $"the rest (the containers' processes, runc and its shims, the kernel's own threads) {rest / perGrade:0.000}; total {busy / perGrade:0.000}"));
            foreach (var (_, copy, _) in copies)
            {
                copy.Dispose();
            }

            scenario.GitHub.AssertNoViolations();
            return lost == 0 && duplicates == 0 && wrong == 0;
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }
}
