namespace GitGrader.Core.Sandboxing;

/// <summary>What one step did.</summary>
public sealed record ExecutionResult
{
    /// <summary>Exit status (128 + signal when killed by a signal); -1 when unknown.</summary>
    public required int ExitCode { get; init; }

    /// <summary>Stopped at the wall-clock limit.</summary>
    public bool TimedOut { get; init; }

    /// <summary>Stopped at the wall-clock limit while the container's memory was held at its cap (it stalled there, never killed).</summary>
    public bool MemoryPinned { get; init; }

    /// <summary>A process of the step was killed by the kernel's out-of-memory killer.</summary>
    public bool OutOfMemory { get; init; }

    /// <summary>Stopped because stdout plus stderr passed the output cap.</summary>
    public bool OutputLimitExceeded { get; init; }

    /// <summary>Standard output, at most the cap.</summary>
    public required byte[] Stdout { get; init; }

    /// <summary>Standard error, at most the cap.</summary>
    public required byte[] Stderr { get; init; }

    /// <summary>Wall-clock time.</summary>
    public required TimeSpan Duration { get; init; }
}
