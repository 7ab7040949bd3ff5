namespace GitGrader.Core.Assignments;

/// <summary>The caps one submission is graded under. Defaults suit a small intro-course exercise.</summary>
public sealed record ResourceLimits
{
    /// <summary>Wall-clock limit of one test (and of the setup step) unless the test sets its own.</summary>
    public TimeSpan TestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Memory cap of the container; swap is not granted on top (memory = memory+swap).</summary>
    public long MemoryBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>CPU quota, in CPUs.</summary>
    public double Cpus { get; init; } = 1.0;

    /// <summary>Most processes and threads alive at once.</summary>
    public int Pids { get; init; } = 128;

    /// <summary>Most bytes of stdout plus stderr read from one test; the test is stopped past it.</summary>
    public long OutputBytes { get; init; } = 64 * 1024;

    /// <summary>Size of the writable work folder (a tmpfs).</summary>
    public long WorkspaceBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Most bytes of student files staged into the sandbox.</summary>
    public long SubmissionBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Most student files staged into the sandbox (a course repository of a few thousand files passes).</summary>
    public int SubmissionFiles { get; init; } = 20_000;

    /// <summary>Most folders in the submission (real repositories hold one for every 10 to 20 files).</summary>
    public int SubmissionFolders { get; init; } = 5_000;

    /// <summary>Most names in one path of the submission (<c>a/b/c.txt</c> is 3 deep).</summary>
    public int SubmissionDepth { get; init; } = 32;

    /// <summary>Longest path below the submission's root, in UTF-8 bytes (a quarter of Linux's PATH_MAX).</summary>
    public int SubmissionPathBytes { get; init; } = 1024;

    /// <summary>Most entries listed in all (files, folders, links, submodules and skipped names alike).</summary>
    public int SubmissionEntries { get; init; } = 25_000;

    /// <summary>The defaults.</summary>
    public static ResourceLimits Default { get; } = new();
}
