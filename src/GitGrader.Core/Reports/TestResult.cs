using GitGrader.Core.Assignments;

namespace GitGrader.Core.Reports;

/// <summary>
/// The result of one test or test case, holding only what a student may be shown: for hidden
/// tests, <see cref="Output"/>, <see cref="Expected"/> and <see cref="Actual"/> are never filled.
/// </summary>
public sealed record TestResult
{
    /// <summary>Test name (for JUnit/pytest cases, <c>test › case</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The verdict.</summary>
    public required TestStatus Status { get; init; }

    /// <summary>Points earned.</summary>
    public required double Score { get; init; }

    /// <summary>Points available.</summary>
    public required double MaxScore { get; init; }

    /// <summary>What the student may see.</summary>
    public required Visibility Visibility { get; init; }

    /// <summary>One line saying why, in the grader's words (e.g. "timed out after 10 s"); safe to show for any visibility.</summary>
    public string? Message { get; init; }

    /// <summary>What the test printed (sanitised, truncated); empty unless the student may see it.</summary>
    public string Output { get; init; } = string.Empty;

    /// <summary>Expected output of a failed visible I/O test (sanitised, truncated).</summary>
    public string? Expected { get; init; }

    /// <summary>Actual stdout of a failed visible I/O test (sanitised, truncated).</summary>
    public string? Actual { get; init; }

    /// <summary>Wall-clock time of the step that produced this result; 0 when <see cref="Concealed"/>.</summary>
    public long DurationMs { get; init; }

    /// <summary>
    /// True for a test the student may not see: only the name, verdict and points are real, the
    /// message is a fixed text of the verdict and no time is kept (see the README).
    /// </summary>
    public bool Concealed { get; init; }
}
