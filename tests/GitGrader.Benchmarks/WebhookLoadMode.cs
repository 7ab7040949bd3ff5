using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GitGrader.AppTests.Support;
using GitGrader.GitHub.Webhooks;
using GitGrader.Storage;

namespace GitGrader.Benchmarks;

/// <summary>
/// <c>--webhooks [RATE] [SECONDS]</c>: a real <c>gitgrader serve</c> (front-end mode: webhook
/// endpoint, store, check-run announcer, summary publisher; grading left to workers) on loopback,
/// loaded by <c>wrk</c> with signed push deliveries built from GitHub's real example, each for a new
/// commit of one of 100 students, at a fixed rate. Reports wrk's latency percentiles for
/// webhook → 202, the CPU each process spent per delivery, and checks the store recorded every accepted delivery.
/// Each push names a real commit of the student's repository on the stand-in (written there first), so the
/// check-run announcer does its whole work per delivery (list, create, store the id), as it would on GitHub;
/// <c>--webhooks-unknown</c> names random shas instead, which GitHub refuses at once ("No commit found").
/// </summary>
public static class WebhookLoadMode
{
    private const int Students = 100;
    private const int Connections = 16;
    private const int Threads = 2;
    private const int WarmUpSeconds = 5;
    private const string TimeCommand = "/usr/bin/time";

    public static async Task<int> RunAsync(int rate, int seconds, bool realCommits, CancellationToken cancellationToken)
    {
        if (FindOnPath("wrk") is not { } wrk)
        {
            Console.Error.WriteLine("wrk is not installed: apt-get install -y wrk");
            return 2;
        }

        await using var scenario = await AppScenario.StartAsync(config => config["Worker"]!["Enabled"] = false);
        for (var i = 0; i < Students; i++)
        {
            await scenario.GitHub.CreateRepositoryAsync(CourseFolder.Organization, $"{CourseFolder.Slug}-s{i:000}", scenario.InstallationId);
        }

        var warmUp = Path.Combine(scenario.Course.Root, "warm-up.tsv");
        var deliveries = Path.Combine(scenario.Course.Root, "deliveries.tsv");
        var count = rate * (seconds + 5);
        var warmUpCount = rate * (WarmUpSeconds + 2);
        var commits = new List<IReadOnlyList<string>>();
        if (realCommits)
        {
            var perStudent = ((warmUpCount + count) / Students) + 1;
            for (var i = 0; i < Students; i++)
            {
                commits.Add(await scenario.GitHub.SeedCommitChainAsync(CourseFolder.Organization, $"{CourseFolder.Slug}-s{i:000}", "main", perStudent, cancellationToken));
            }
        }

        await WriteDeliveriesAsync(warmUp, deliveries, warmUpCount, count, commits, scenario.GitHub.WebhookSecret, scenario.InstallationId, cancellationToken);
        Console.WriteLine($"Webhook load: {rate} deliveries/s for {seconds} s over {Connections} connections, {count} distinct signed pushes of {Students} students ({(realCommits ? "real commits of their repositories" : "unknown commits")}), {Environment.ProcessorCount} cores, {MachineLoad.Describe()}");

        // The first seconds of a fresh serve carry the JIT (tiered compilation): warm it up at the same rate, then measure.
        var warm = Parse(await RunWrkAsync(wrk, scenario.Server!.BaseUrl, warmUp, rate, WarmUpSeconds, "warm", cancellationToken));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up ({WarmUpSeconds} s, not counted): {warm.GetValueOrDefault("requests")} requests, p50 {warm.GetValueOrDefault("latency_p50_ms"):F2} ms, p99 {warm.GetValueOrDefault("latency_p99_ms"):F2} ms, max {warm.GetValueOrDefault("latency_max_ms"):F2} ms"));
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken); // the announcer drains the warm-up's jobs

        var cpuBefore = ProcessCpu.Now();
        var machineBefore = CpuSample.Now();
        var output = await RunWrkAsync(wrk, scenario.Server!.BaseUrl, deliveries, rate, seconds, "wrk", cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken); // the announcer drains the run's jobs
        var cpu = ProcessCpu.Since(cpuBefore, ProcessCpu.Now());
        var machine = CpuSample.Now();
        var figures = Parse(output);
        Console.WriteLine(output.Trim());
        if (figures.TryGetValue("requests", out var answered) && answered > 0)
        {
            var wrkSeconds = WrkCpuSeconds(output);
            var parts = cpu.Select(p => p.Part.StartsWith("harness", StringComparison.Ordinal) ? (p.Part + " without wrk", p.Seconds - wrkSeconds) : p).Append(("wrk", wrkSeconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU ms per delivery (run and 3 s after, {answered:0} deliveries): {string.Join("; ", parts.Select(p => $"{p.Item1} {1000 * p.Item2 / answered:0.00}"))}; whole machine {1000 * machine.BusySince(machineBefore) / answered:0.00} ({machine.DescribeSince(machineBefore)})"));
        }
        if (!figures.ContainsKey("requests") || !figures.ContainsKey("latency_p99_ms"))
        {
            Console.Error.WriteLine("wrk did not report; see its output above.");
            return 2;
        }

        var store = GradingStoreFactory.Create(scenario.Course.Database, TimeProvider.System);
        await store.MigrateAsync(cancellationToken);
        var stats = await store.GetQueueStatsAsync(cancellationToken);
        var requests = (int)figures["requests"];
        var p99 = figures["latency_p99_ms"];
        var checkRuns = scenario.GitHub.CheckRuns.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recorded: {stats.Queued} jobs queued for {requests} requests; {checkRuns} queued check runs announced by the end of the run"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT webhook→202 at {requests / figures["duration_s"]:F0} req/s: p50 {figures["latency_p50_ms"]:F2} ms, p99 {p99:F2} ms, max {figures["latency_max_ms"]:F2} ms (target p99 < 50 ms: {(p99 < 50 ? "met" : "NOT met")})"));
        var complete = stats.Queued >= requests && output.Contains("status 0 ", StringComparison.Ordinal);
        foreach (var line in scenario.ServerOutput.Split('\n').Where(l => l.Contains("warn", StringComparison.OrdinalIgnoreCase) || l.Contains("fail", StringComparison.OrdinalIgnoreCase)).Take(5))
        {
            Console.WriteLine("server: " + line);
        }

        if (!complete)
        {
            Console.WriteLine("WARNING: not every request was answered 202 and recorded (see errors above).");
        }

        return p99 < 50 && complete ? 0 : 1;
    }

    private static async Task WriteDeliveriesAsync(string warmUpPath, string path, int warmUpCount, int count, IReadOnlyList<IReadOnlyList<string>> commits, string secret, long installationId, CancellationToken cancellationToken)
    {
        var examples = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "tests", "npm", "node_modules", "@octokit", "webhooks-examples", "api.github.com", "index.json"), cancellationToken))!.AsArray();
        var push = examples.First(e => (string?)e!["name"] == "push")!["examples"]!.AsArray().First(e => e!["deleted"]?.GetValue<bool>() == false)!;
        var random = new Random(42);
        var sb = new StringBuilder();
        for (var i = 0; i < warmUpCount + count; i++)
        {
            if (i == warmUpCount)
            {
                await File.WriteAllTextAsync(warmUpPath, sb.ToString(), cancellationToken);
                sb.Clear();
            }

            var student = $"s{i % Students:000}";
            var payload = push.DeepClone();
            payload["ref"] = "refs/heads/main";
            payload["after"] = commits.Count > 0 ? commits[i % Students][i / Students] : Convert.ToHexStringLower(RandomBytes(random));
            payload["deleted"] = false;
            payload["repository"]!["name"] = $"{CourseFolder.Slug}-{student}";
            payload["repository"]!["full_name"] = $"{CourseFolder.Organization}/{CourseFolder.Slug}-{student}";
            payload["repository"]!["owner"]!["login"] = CourseFolder.Organization;
            payload["sender"]!["login"] = student;
            payload["installation"] = new JsonObject { ["id"] = installationId, ["node_id"] = "MDIz" };
            var body = payload.ToJsonString();
            sb.Append(WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), secret)).Append('\t').Append(body).Append('\n');
        }

        await File.WriteAllTextAsync(path, sb.ToString(), cancellationToken);
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[20];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task<string> RunWrkAsync(string wrk, Uri baseUrl, string deliveries, int rate, int seconds, string deliveryPrefix, CancellationToken cancellationToken)
    {
        // Under /usr/bin/time when there is one, so wrk's own CPU can be told apart from the harness's (it is the harness's child).
        var timed = File.Exists(TimeCommand);
        var start = new ProcessStartInfo(timed ? TimeCommand : wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (timed)
        {
            foreach (var argument in new[] { "-f", "wrk_cpu_s %e %U %S", wrk })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in new[] { $"-t{Threads}", $"-c{Connections}", $"-d{seconds}s", "--timeout", "5s", "-s", Path.Combine(AppContext.BaseDirectory, "wrk", "webhooks.lua"), baseUrl.AbsoluteUri, "--", deliveries, rate.ToString(CultureInfo.InvariantCulture), Connections.ToString(CultureInfo.InvariantCulture), Threads.ToString(CultureInfo.InvariantCulture), deliveryPrefix })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return await stdout + await stderr;
    }

    /// <summary>wrk's user and kernel CPU-seconds from /usr/bin/time's line ("wrk_cpu_s ELAPSED USER SYSTEM"), 0 without it.</summary>
    private static double WrkCpuSeconds(string output)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("wrk_cpu_s ", StringComparison.Ordinal));
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: 4 }
            ? double.Parse(fields[2], CultureInfo.InvariantCulture) + double.Parse(fields[3], CultureInfo.InvariantCulture)
            : 0;
    }

    private static Dictionary<string, double> Parse(string output)
    {
        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var parts = line.Trim().Split(' ');
            if (parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                figures[parts[0]] = value;
            }
        }

        return figures;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
