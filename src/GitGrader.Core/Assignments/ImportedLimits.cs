namespace GitGrader.Core.Assignments;

/// <summary>
/// The caps of an assignment moved over from GitHub Classroom or Gradescope, whose files state none. They were
/// written for GitHub's hosted runner (2 cores, 7 GB and more) or Gradescope's machines, so GitGrader's defaults
/// for a small exercise are too tight for them: compiling a single-header C++ test framework (Catch2) takes about
/// 700 MB, a JVM sizes its heap from the memory it is given, <c>node_modules</c> fills a small workspace.
/// </summary>
public static class ImportedLimits
{
    /// <summary>
    /// 2 GiB of memory (the workspace, a tmpfs, counts within it), 2 CPUs, 512 processes and threads, a 512 MiB
    /// workspace, 1 MiB of output a step (Node's default <c>maxBuffer</c>, what the io-grader action read), and
    /// 10 minutes a step unless the file says otherwise (the actions' default).
    /// </summary>
    public static ResourceLimits Default { get; } = new()
    {
        TestTimeout = TimeSpan.FromMinutes(10),
        MemoryBytes = 2L * 1024 * 1024 * 1024,
        Cpus = 2,
        Pids = 512,
        OutputBytes = 1024 * 1024,
        WorkspaceBytes = 512L * 1024 * 1024,
    };
}
