namespace GitGrader.Core.Sandboxing;

/// <summary>
/// One submission's sandbox. Layout inside: <see cref="SandboxPaths.Workspace"/> (not writable by
/// the student) holding <see cref="SandboxPaths.Submission"/> (the student's working copy),
/// <see cref="SandboxPaths.Hidden"/> (hidden tests, read-only to the student) and
/// <see cref="SandboxPaths.Results"/> (where reports are written). Disposing removes everything.
/// </summary>
public interface ISandboxSession : IAsyncDisposable
{
    /// <summary>Copies files into the workspace, with the owners and modes the tree gives.</summary>
    Task CopyInAsync(StagedTree tree, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one step as the unprivileged student user. Every student process left from an earlier
    /// step is killed first; the step is killed at its timeout or output cap.
    /// </summary>
    Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Kills every student process and removes symbolic links from the working copy, so that
    /// nothing the student left running or planted sees or redirects what is staged next.
    /// </summary>
    Task ResetAsync(CancellationToken cancellationToken);

    /// <summary>Reads a regular file from the sandbox, if it is one and at most <paramref name="maxBytes"/> long; links are not followed.</summary>
    Task<SandboxFile> ReadFileAsync(string path, long maxBytes, CancellationToken cancellationToken);
}
