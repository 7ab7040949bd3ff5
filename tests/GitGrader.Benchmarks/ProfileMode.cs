using System.Diagnostics;
using System.Globalization;
using GitGrader.Core.Grading;
using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Docker;

namespace GitGrader.Benchmarks;

/// <summary>
/// <c>--profile N</c>: where a GitGrader grade spends its time, measured from the outside by a
/// decorator around <see cref="ISandbox"/> and <see cref="ISandboxSession"/> (no change to src/).
/// Also times the pieces a grade is made of on their own: the first-use reap, a bare session, a
/// no-op exec, and one bare <c>docker run</c>.
/// </summary>
public static class ProfileMode
{
    public static async Task<int> RunAsync(int count, CancellationToken cancellationToken)
    {
        var approaches = await Approaches.CreateAsync(cancellationToken);
        var scenario = approaches.Scenario;
        await approaches.ValidateAsync(cancellationToken);
        Console.WriteLine($"Profile of {count} GitGrader grades of {scenario.Assignment.Slug}, {Environment.ProcessorCount} cores, {MachineLoad.Describe()}");

        // 1. Grades as the CLI does them (a new DockerSandbox each), every sandbox call timed.
        var phases = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var totals = new List<double>();
        for (var i = 0; i < count; i++)
        {
            using var inner = DockerSandbox.Create();
            var timing = new TimingSandbox(inner);
            var started = Stopwatch.GetTimestamp();
            var report = await new Grader(timing).GradeAsync(scenario.Assignment, scenario.SolutionDirectory, null, cancellationToken);
            var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (report.Score != report.MaxScore)
            {
                throw new InvalidOperationException($"Grade {i} scored {report.Score}/{report.MaxScore}.");
            }

            totals.Add(total);
            foreach (var (phase, ms) in timing.Timings)
            {
                Add(phases, phase, ms);
            }

            Add(phases, "(outside the sandbox: Grader, reading files)", total - timing.Timings.Sum(t => t.Ms));
        }

        Console.WriteLine();
        Console.WriteLine("GitGrader grade, new DockerSandbox per grade (as the CLI), per sandbox call:");
        foreach (var (phase, samples) in phases)
        {
            Console.WriteLine($"  {phase,-58} {Stats.Of(samples).Format()}");
        }

        Console.WriteLine($"  {"TOTAL",-58} {Stats.Of(totals).Format()}");

        // 2. New DockerSandbox per grade against one kept for all grades (reap done, engine connections
        //    pooled), interleaved so drift of the machine hits both alike.
        using (var shared = DockerSandbox.Create())
        {
            await new Grader(shared).GradeAsync(scenario.Assignment, scenario.SolutionDirectory, null, cancellationToken);
            var fresh = new List<double>();
            var kept = new List<double>();
            for (var i = 0; i < count; i++)
            {
                kept.Add(await TimeAsync(() => new Grader(shared).GradeAsync(scenario.Assignment, scenario.SolutionDirectory, null, cancellationToken)));
                fresh.Add(await TimeAsync(() => approaches.GradeWithGitGraderAsync(cancellationToken)));
            }

            Console.WriteLine();
            Console.WriteLine($"  {"GitGrader grade, new DockerSandbox each (interleaved)",-58} {Stats.Of(fresh).Format()}");
            Console.WriteLine($"  {"GitGrader grade, one DockerSandbox for all (interleaved)",-58} {Stats.Of(kept).Format()}");
        }

        // 3. The pieces on their own.
        var reap = new List<double>();
        var bareSession = new List<double>();
        var start = new List<double>();
        var noOpExec = new List<double>();
        var python = new List<double>();
        var dispose = new List<double>();
        var settings = new SandboxSettings(scenario.Assignment.Image, scenario.Assignment.Limits, "benchmark-profile");
        for (var i = 0; i < count; i++)
        {
            using var sandbox = DockerSandbox.Create();
            reap.Add(await TimeAsync(() => sandbox.ReapLeftoversAsync(cancellationToken)));
            var sessionStarted = Stopwatch.GetTimestamp();
            ISandboxSession? session = null;
            start.Add(await TimeAsync(async () => session = await sandbox.StartSessionAsync(settings, cancellationToken)));
            await using (session!)
            {
                noOpExec.Add(await TimeAsync(() => session!.ExecuteAsync(Exec(["true"], "/"), cancellationToken)));
                python.Add(await TimeAsync(() => session!.ExecuteAsync(Exec(["python3", "-c", "pass"], "/"), cancellationToken)));
                dispose.Add(await TimeAsync(async () => await session!.DisposeAsync()));
            }

            bareSession.Add(Stopwatch.GetElapsedTime(sessionStarted).TotalMilliseconds);
        }

        var dockerRun = new List<double>();
        for (var i = 0; i < count; i++)
        {
            dockerRun.Add(await TimeAsync(() => RunDockerAsync(approaches.Baseline.DockerCli, scenario.Assignment.Image, cancellationToken)));
        }

        Console.WriteLine();
        Console.WriteLine("Pieces on their own:");
        Console.WriteLine($"  {"ReapLeftoversAsync (first StartSession of a sandbox)",-58} {Stats.Of(reap).Format()}");
        Console.WriteLine($"  {"StartSessionAsync after the reap (volume+create+start)",-58} {Stats.Of(start).Format()}");
        Console.WriteLine($"  {"ExecuteAsync `true`",-58} {Stats.Of(noOpExec).Format()}");
        Console.WriteLine($"  {"ExecuteAsync `python3 -c pass`",-58} {Stats.Of(python).Format()}");
        Console.WriteLine($"  {"DisposeAsync (container + volume removed)",-58} {Stats.Of(dispose).Format()}");
        Console.WriteLine($"  {"start + 2 execs + dispose",-58} {Stats.Of(bareSession).Format()}");
        Console.WriteLine($"  {"docker run --rm (same limits) true",-58} {Stats.Of(dockerRun).Format()}");
        Console.WriteLine($"Done, {MachineLoad.Describe()}");
        return 0;
    }

    private static ExecutionRequest Exec(string[] command, string workingDirectory) => new()
    {
        Command = command,
        WorkingDirectory = workingDirectory,
        Timeout = TimeSpan.FromSeconds(10),
        OutputLimitBytes = 4096,
    };

    private static async Task RunDockerAsync(string cli, string image, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["run", "--rm", "--network", "none", "--memory", "256m", "--memory-swap", "256m", "--cpus", "1", "--pids-limit", "128",
                     "--read-only", "--tmpfs", "/tmp:rw,size=16m", "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--init", "--user", "1000:1000",
                     "--ulimit", "nofile=1024:1024", "--ulimit", "core=0", image, "true"])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"'{cli}' could not be started.");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker run exited {process.ExitCode}: {await process.StandardError.ReadToEndAsync(cancellationToken)}");
        }
    }

    private static void Add(Dictionary<string, List<double>> phases, string phase, double ms)
    {
        if (!phases.TryGetValue(phase, out var list))
        {
            phases[phase] = list = [];
        }

        list.Add(ms);
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>Times every call made to the sandbox; names them in call order.</summary>
    private sealed class TimingSandbox(ISandbox inner) : ISandbox
    {
        public List<(string Phase, double Ms)> Timings { get; } = [];

        public async Task<ISandboxSession> StartSessionAsync(SandboxSettings settings, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var session = await inner.StartSessionAsync(settings, cancellationToken);
            Timings.Add(("StartSessionAsync (incl. first-use reap)", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            return new TimingSession(session, Timings);
        }

        public async Task<string> PrepareImageAsync(ImageRecipe recipe, IProgress<string>? progress, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var image = await inner.PrepareImageAsync(recipe, progress, cancellationToken);
            Timings.Add(("PrepareImageAsync", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            return image;
        }
    }

    private sealed class TimingSession(ISandboxSession inner, List<(string Phase, double Ms)> timings) : ISandboxSession
    {
        private int _copies;
        private int _execs;

        public int Restarts => inner.Restarts;

        public Task CopyInAsync(StagedTree tree, CancellationToken cancellationToken) =>
            TimeAsync(string.Create(CultureInfo.InvariantCulture, $"CopyInAsync #{++_copies} ({tree.Entries.Count} entries, {tree.ContentBytes} B)"), () => inner.CopyInAsync(tree, cancellationToken));

        public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
        {
            ExecutionResult? result = null;
            var what = request.Command[^1].Replace("\n", " ", StringComparison.Ordinal);
            await TimeAsync(
                string.Create(CultureInfo.InvariantCulture, $"ExecuteAsync #{++_execs} {(what.Length > 30 ? what[..30] : what)}"),
                async () => result = await inner.ExecuteAsync(request, cancellationToken));
            return result!;
        }

        public Task ResetAsync(CancellationToken cancellationToken) => TimeAsync("ResetAsync", () => inner.ResetAsync(cancellationToken));

        public Task KeepInstructorFilesAsync(StagedTree files, CancellationToken cancellationToken) =>
            TimeAsync("KeepInstructorFilesAsync", () => inner.KeepInstructorFilesAsync(files, cancellationToken));

        public async Task<bool> KeepWorkingCopyAsync(CancellationToken cancellationToken)
        {
            var kept = false;
            await TimeAsync("KeepWorkingCopyAsync", async () => kept = await inner.KeepWorkingCopyAsync(cancellationToken));
            return kept;
        }

        public async Task<StepStageOutcome> PrepareAsync(StepStage stage, CancellationToken cancellationToken)
        {
            var outcome = StepStageOutcome.Ready;
            await TimeAsync(stage.InstructorFiles is null ? "PrepareAsync (scratch)" : "PrepareAsync (restore)", async () => outcome = await inner.PrepareAsync(stage, cancellationToken));
            return outcome;
        }

        public async Task<SandboxFile> ReadFileAsync(string path, long maxBytes, CancellationToken cancellationToken)
        {
            SandboxFile? file = null;
            await TimeAsync("ReadFileAsync", async () => file = await inner.ReadFileAsync(path, maxBytes, cancellationToken));
            return file!;
        }

        public async ValueTask DisposeAsync() => await TimeAsync("DisposeAsync (remove container + volume)", async () => await inner.DisposeAsync());

        private async Task TimeAsync(string phase, Func<Task> action)
        {
            var started = Stopwatch.GetTimestamp();
            await action();
            timings.Add((phase, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
    }
}
