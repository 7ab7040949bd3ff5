using GitGrader.Sandbox.Engine;

namespace GitGrader.Sandbox.Tests.Fakes;

/// <summary>What one exec does in the fake engine, and what was seen of it.</summary>
internal sealed class FakeExec
{
    /// <summary>Output pieces, in order.</summary>
    public List<(ExecOutputStream Stream, byte[] Bytes)> Output { get; } = [];

    /// <summary>Output that never ends: the same 64 KiB again and again.</summary>
    public bool Floods { get; init; }

    /// <summary>The output never ends (a step that sleeps); only a cancelled read gives up on it.</summary>
    public bool Hangs { get; init; }

    /// <summary>Writing stdin blocks until cancelled (a program that never reads a full pipe).</summary>
    public bool NeverReadsStdin { get; init; }

    /// <summary>How many times inspect still says "running" after the output ended.</summary>
    public int RunningAfterEnd { get; set; }

    /// <summary>Exit status once it ended.</summary>
    public long ExitCode { get; set; }

    /// <summary>Like the real engine, a process whose stream is given up keeps running until killed.</summary>
    public bool StillRunning { get; set; }

    public ExecSpec? Spec { get; set; }

    public MemoryStream Stdin { get; } = new();

    public bool StdinClosed { get; set; }

    public bool StreamDisposed { get; set; }

    public int Inspections { get; set; }

    public static FakeExec Exits(long exitCode, string stdout = "", string stderr = "")
    {
        var exec = new FakeExec { ExitCode = exitCode };
        if (stdout.Length > 0)
        {
            exec.Output.Add((ExecOutputStream.Stdout, System.Text.Encoding.UTF8.GetBytes(stdout)));
        }

        if (stderr.Length > 0)
        {
            exec.Output.Add((ExecOutputStream.Stderr, System.Text.Encoding.UTF8.GetBytes(stderr)));
        }

        return exec;
    }
}
