using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Benchmarks;

/// <summary>The outcome of one baseline grade.</summary>
/// <param name="Passed">Tests whose stdout matched.</param>
/// <param name="Total">Tests run.</param>
/// <param name="Score">Points of the passed tests.</param>
/// <param name="Failures">One line per failed test, for validation messages.</param>
public sealed record BaselineGrade(int Passed, int Total, double Score, IReadOnlyList<string> Failures);

/// <summary>
/// The seeds' approach, kept as the baseline: every I/O test is its own <c>docker run --rm -i</c> of
/// the assignment's image, under the same limits as <c>DockerSandbox</c> puts on its container, with
/// the submission bind-mounted read-only (and, for tests that need them, the hidden files mounted over
/// it at the same relative paths), the test's input on stdin, and stdout compared with
/// <see cref="OutputComparer.Matches"/>. No setup step and no reset: just the tests.
/// </summary>
public sealed class DockerRunBaseline
{
    private const string ScratchTmp = "/tmp:rw,exec,nosuid,nodev,size=16m,mode=1777";
    private static readonly TimeSpan ContainerOverhead = TimeSpan.FromSeconds(30);
    private readonly Assignment _assignment;
    private readonly string _submissionDirectory;

    public DockerRunBaseline(Assignment assignment, string submissionDirectory, string? dockerCli = null)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        _assignment = assignment;
        _submissionDirectory = Path.GetFullPath(submissionDirectory);
        DockerCli = dockerCli ?? Environment.GetEnvironmentVariable("GITGRADER_BENCH_DOCKER") ?? "docker";
        var unsupported = assignment.Tests.FirstOrDefault(t => t.Kind != TestKind.Io);
        if (unsupported is not null)
        {
            throw new NotSupportedException($"The docker-run baseline runs I/O tests only; '{unsupported.Name}' is a {unsupported.Kind} test.");
        }
    }

    /// <summary>The docker CLI run (PATH is searched): <c>GITGRADER_BENCH_DOCKER</c>, else <c>docker</c>.</summary>
    public string DockerCli { get; }

    /// <summary>Runs every test, one container each, one after the other.</summary>
    public async Task<BaselineGrade> GradeAsync(CancellationToken cancellationToken)
    {
        var passed = 0;
        var score = 0.0;
        var failures = new List<string>();
        foreach (var test in _assignment.Tests)
        {
            var failure = await RunTestAsync(test, cancellationToken);
            if (failure is null)
            {
                passed++;
                score += test.Points;
            }
            else
            {
                failures.Add($"{test.Name}: {failure}");
            }
        }

        return new BaselineGrade(passed, _assignment.Tests.Count, score, failures);
    }

    /// <summary>The docker CLI arguments of one test's container.</summary>
    public IReadOnlyList<string> BuildArguments(TestDefinition test, string containerName)
    {
        ArgumentNullException.ThrowIfNull(test);
        var limits = _assignment.Limits;
        var memory = limits.MemoryBytes.ToString(CultureInfo.InvariantCulture);
        var fsize = limits.WorkspaceBytes.ToString(CultureInfo.InvariantCulture);
        List<string> args =
        [
            "run", "--rm", "-i", "--name", containerName,
            "--label", "io.gitgrader.benchmark=true",
            "--network", "none",
            "--memory", memory, "--memory-swap", memory,
            "--cpus", limits.Cpus.ToString(CultureInfo.InvariantCulture),
            "--pids-limit", limits.Pids.ToString(CultureInfo.InvariantCulture),
            "--read-only",
            "--tmpfs", ScratchTmp,
            "--cap-drop", "ALL",
            "--security-opt", "no-new-privileges",
            "--ipc", "private",
            "--init",
            "--user", "1000:1000",
            "--ulimit", "nofile=1024:1024",
            "--ulimit", $"fsize={fsize}:{fsize}",
            "--ulimit", "core=0",
            "-e", "HOME=/tmp", "-e", "LANG=C.UTF-8", "-e", "PYTHONDONTWRITEBYTECODE=1", "-e", "PYTHONUNBUFFERED=1",
        ];
        args.AddRange(Mounts(test));
        args.AddRange(["-w", SandboxPaths.Submission, _assignment.Image, "/bin/sh", "-c", test.Run ?? "true"]);
        return args;
    }

    private IEnumerable<string> Mounts(TestDefinition test)
    {
        var hidden = new DirectoryInfo(_assignment.HiddenDirectory);
        if (!test.NeedsHiddenFiles || !hidden.Exists)
        {
            return ["-v", $"{_submissionDirectory}:{SandboxPaths.Submission}:ro"];
        }

        // A read-only bind mount cannot take mount points of its own, so the working copy is
        // assembled from its top-level entries, the hidden ones over the student's.
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(_submissionDirectory).EnumerateFileSystemInfos())
        {
            entries[entry.Name] = entry.FullName;
        }

        foreach (var entry in hidden.EnumerateFileSystemInfos())
        {
            entries[entry.Name] = entry.FullName;
        }

        var mounts = new List<string> { "-v", $"{hidden.FullName}:{SandboxPaths.Hidden}:ro" };
        foreach (var (name, source) in entries)
        {
            mounts.AddRange(["-v", $"{source}:{SandboxPaths.Submission}/{name}:ro"]);
        }

        return mounts;
    }

    /// <summary>Runs one test; returns null when it passed, else why not.</summary>
    private async Task<string?> RunTestAsync(TestDefinition test, CancellationToken cancellationToken)
    {
        var name = "gitgrader-bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var start = new ProcessStartInfo(DockerCli)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in BuildArguments(test, name))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"'{DockerCli}' could not be started.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StepRequests.TimeoutOf(test, _assignment.Limits) + ContainerOverhead);
        using var stdout = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(stdout, deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            var stdin = process.StandardInput.BaseStream;
            if (test.Input is { } input)
            {
                await stdin.WriteAsync(System.Text.Encoding.UTF8.GetBytes(input), deadline.Token);
            }

            stdin.Close();
            await reading;
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await RemoveContainerAsync(name);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return "timed out";
        }

        var errors = await stderr;
        if (process.ExitCode != 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"exit {process.ExitCode}: {errors.Trim()}");
        }

        var actual = StudentText.FromBytes(stdout.ToArray());
        return OutputComparer.Matches(test.Comparison, test.Expected ?? string.Empty, actual)
            ? null
            : $"output did not match: {actual.Trim()}";
    }

    private async Task RemoveContainerAsync(string name)
    {
        using var remove = Process.Start(new ProcessStartInfo(DockerCli, ["rm", "-f", name])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        });
        if (remove is not null)
        {
            await remove.WaitForExitAsync();
        }
    }
}
