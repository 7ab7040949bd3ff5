namespace GitGrader.Core.Sandboxing;

/// <summary>What the sandbox is made ready for before a step (see <see cref="ISandboxSession.PrepareAsync"/>).</summary>
public sealed record StepStage
{
    /// <summary>Only the scratch places are emptied: the start of a phase of steps on the student's files alone.</summary>
    public static StepStage ScratchOnly { get; } = new();

    /// <summary>
    /// Null: the working copy is left as it is. Otherwise it is restored from the copy kept by
    /// <see cref="ISandboxSession.KeepWorkingCopyAsync"/> and these instructor files (paths relative to
    /// the hidden folder, as staged by <see cref="ISandboxSession.KeepInstructorFilesAsync"/>) are laid
    /// over it and under <see cref="SandboxPaths.Hidden"/>, root-owned and read-only.
    /// </summary>
    public IReadOnlyList<string>? InstructorFiles { get; init; }

    /// <summary>
    /// With <see cref="InstructorFiles"/>: whether the working copy is restored (and the scratch places emptied)
    /// first. False lays the files over the working copy as it is and leaves the scratch places alone: for io
    /// steps, whose verdict is their output compared outside the sandbox, so nothing of the instructor's that
    /// runs there could be misled by what an earlier step left.
    /// </summary>
    public bool RestoresWorkingCopy { get; init; } = true;

    /// <summary>Report paths (relative to the working copy) the step writes: any file there is removed and its folders made root-owned with the sticky bit.</summary>
    public IReadOnlyList<string> ReportPaths { get; init; } = [];
}
