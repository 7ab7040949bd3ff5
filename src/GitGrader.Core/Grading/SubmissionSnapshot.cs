using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading;

/// <summary>The student's files as they will be staged, or why they will not be.</summary>
/// <param name="Tree">Entries under <see cref="Root"/>, owned by the student.</param>
/// <param name="Files">How many regular files were taken.</param>
/// <param name="Notes">What the student should know (skipped symlinks, submodules and special files).</param>
/// <param name="Rejection">Set when a cap was passed; nothing is graded then.</param>
public sealed record SubmissionSnapshot(StagedTree Tree, int Files, IReadOnlyList<string> Notes, string? Rejection)
{
    /// <summary>The folder every student file is staged under.</summary>
    public const string Root = "submission";
}
