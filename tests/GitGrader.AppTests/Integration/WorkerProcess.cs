using System.Collections.Concurrent;
using System.Diagnostics;

namespace GitGrader.AppTests.Integration;

/// <summary>A real <c>gitgrader worker --config CONFIG</c> process (grading only, no HTTP); killed hard on dispose.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything the process printed so far.</summary>
    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    /// <summary>The worker's process id (its containers' owner label starts with <c>host/pid@</c>).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Kills the worker as <c>kill -9</c> does: no shutdown, its leases and containers left behind.</summary>
    public async Task KillHardAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the worker and waits until its grading slots run.</summary>
    public static async Task<WorkerProcess> StartAsync(string configFile, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "gitgrader.dll"), "worker", "--config", configFile })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var worker = new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"));
        try
        {
            await worker.WaitForOutputAsync("Worker started", TimeSpan.FromSeconds(60));
            return worker;
        }
        catch
        {
            // Nobody else holds it yet: do not leave a grading process behind.
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the process has printed <paramref name="text"/>; fails if it exits first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"gitgrader worker exited with {_process.ExitCode} before printing '{text}':\n{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"gitgrader worker did not print '{text}' within {timeout.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillHardAsync();
        _process.Dispose();
    }
}
