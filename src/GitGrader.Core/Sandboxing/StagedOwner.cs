namespace GitGrader.Core.Sandboxing;

/// <summary>Who owns a staged entry inside the sandbox.</summary>
public enum StagedOwner
{
    /// <summary>The unprivileged student user: writable by the student's code.</summary>
    Student,

    /// <summary>Root: readable but not writable by the student's code.</summary>
    Grader,

    /// <summary>Root, and a folder the student's code cannot even enter (mode 0700).</summary>
    GraderOnly,
}
