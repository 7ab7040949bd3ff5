namespace GitGrader.Core.Sandboxing;

/// <summary>One step to run in a session.</summary>
public sealed record ExecutionRequest
{
    /// <summary>Program and arguments (no shell unless the first is a shell).</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Working directory inside the sandbox.</summary>
    public string WorkingDirectory { get; init; } = SandboxPaths.Submission;

    /// <summary>Bytes fed to stdin, then end of file. Null: stdin is empty.</summary>
    public ReadOnlyMemory<byte>? Stdin { get; init; }

    /// <summary>Wall-clock limit; the step's processes are killed at it.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Most bytes of stdout plus stderr kept; the step is killed past it.</summary>
    public required long OutputLimitBytes { get; init; }

    /// <summary>Extra environment variables (never host secrets).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
