namespace GitGrader.Core.Grading;

/// <summary>Per-grade choices.</summary>
public sealed record GradeOptions
{
    /// <summary>
    /// Show hidden tests' outputs and expected values in the report: for instructors only
    /// (<c>validate</c>, <c>grade --reveal-hidden</c>), never for a report a student reads.
    /// </summary>
    public bool RevealHidden { get; init; }

    /// <summary>Receives a line per step, for progress display.</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Student-facing defaults.</summary>
    public static GradeOptions Default { get; } = new();
}
