namespace GitGrader.Core.Sandboxing;

/// <summary>
/// One submission's sandbox. Layout inside: <see cref="SandboxPaths.Workspace"/> (not writable by
/// the student) holding <see cref="SandboxPaths.Submission"/> (the student's working copy),
/// <see cref="SandboxPaths.Hidden"/> (hidden tests, read-only to the student) and
/// <see cref="SandboxPaths.Results"/> (where reports are written). Disposing removes everything.
/// </summary>
public interface ISandboxSession : IAsyncDisposable
{
    /// <summary>
    /// How many times the container has been restarted (student processes that could not be killed in place;
    /// under gVisor, the sandbox killed for want of memory). A restart stages again what was copied in, but
    /// <c>/tmp</c> and the working copy lose what the steps since wrote there: what setup built is gone.
    /// </summary>
    int Restarts { get; }

    /// <summary>Copies files into the workspace, with the owners and modes the tree gives.</summary>
    Task CopyInAsync(StagedTree tree, CancellationToken cancellationToken);

    /// <summary>
    /// Stages the instructor's files (paths relative to the hidden folder) in the grader's own part of
    /// the workspace, which no student process can reach. Called before any step, so their space is
    /// taken before the student's code can use any. A session may send them with the next
    /// <see cref="CopyInAsync"/>, ahead of its files in the same upload, but always before any step runs.
    /// </summary>
    Task KeepInstructorFilesAsync(StagedTree files, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps a root-owned copy of the working copy and of <c>/tmp</c> as they are now (without links,
    /// <c>__pycache__</c> folders, <c>*.pyc</c> files, nor the dot entries of <c>/tmp</c>, which is HOME):
    /// every <see cref="PrepareAsync"/> restores from it. Then lays the sandbox out as
    /// <see cref="PrepareAsync"/> with <see cref="StepStage.ScratchOnly"/> does. False when the workspace
    /// has no room left for the copy.
    /// </summary>
    Task<bool> KeepWorkingCopyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes the sandbox ready for the next step: no student process is left, <c>/tmp</c> (HOME),
    /// <c>/dev/shm</c>, <c>/dev/mqueue</c> and <see cref="SandboxPaths.Results"/> are empty and, when the
    /// stage lists instructor files, the working copy is restored and those files laid over it as
    /// <see cref="StepStage.InstructorFiles"/> says.
    /// </summary>
    Task<StepStageOutcome> PrepareAsync(StepStage stage, CancellationToken cancellationToken);

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
