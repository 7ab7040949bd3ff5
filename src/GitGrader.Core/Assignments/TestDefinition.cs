namespace GitGrader.Core.Assignments;

/// <summary>One test of an assignment, as the instructor wrote it.</summary>
public sealed record TestDefinition
{
    /// <summary>Name shown in reports; unique within the assignment.</summary>
    public required string Name { get; init; }

    /// <summary>How the verdict is decided.</summary>
    public required TestKind Kind { get; init; }

    /// <summary>Shell command (<c>/bin/sh -c</c>) run in the student's working copy. Null for <see cref="TestKind.Pytest"/>.</summary>
    public string? Run { get; init; }

    /// <summary>Command run before <see cref="Run"/> in the same step (GitHub Classroom's per-test <c>setup</c>); its stdout is not compared.</summary>
    public string? Setup { get; init; }

    /// <summary>Bytes fed to stdin (I/O tests). Null means no input.</summary>
    public string? Input { get; init; }

    /// <summary>Expected stdout (I/O tests). Never enters the sandbox; never shown for hidden tests.</summary>
    public string? Expected { get; init; }

    /// <summary>How stdout is compared with <see cref="Expected"/>.</summary>
    public OutputComparison Comparison { get; init; } = OutputComparison.Exact;

    /// <summary>Points the whole test is worth (for JUnit and pytest tests, shared among the cases unless <see cref="Cases"/> says otherwise).</summary>
    public double Points { get; init; }

    /// <summary>What a student may see of the result.</summary>
    public Visibility Visibility { get; init; } = Visibility.Visible;

    /// <summary>Wall-clock limit; null means the assignment's <see cref="ResourceLimits.TestTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Pytest tests: how long one test case may run; null means the assignment's <see cref="ResourceLimits.TestTimeout"/>.</summary>
    public TimeSpan? CaseTimeout { get; init; }

    /// <summary>JUnit tests: where the command writes its XML report, relative to the working copy.</summary>
    public string? ReportPath { get; init; }

    /// <summary>
    /// Hidden files (or folders) the test needs, relative to <c>hidden/</c>: the pytest files to run, or for other
    /// kinds the instructor's test sources. A test listing any runs after the hidden files are staged.
    /// </summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>
    /// A Classroom <c>run</c> test whose command runs pytest on instructor files: run hardened in its place (see
    /// <see cref="ClassroomPytest"/>), still passing on exit 0. Null runs <see cref="Run"/> as written.
    /// </summary>
    public ClassroomPytest? HardenedPytest { get; init; }

    /// <summary>JUnit and pytest tests: points per case name; cases not listed score nothing. Null shares <see cref="Points"/> equally.</summary>
    public IReadOnlyDictionary<string, double>? Cases { get; init; }

    /// <summary>
    /// Whether the test runs against the hidden files, so after every step that runs on the student's files alone.
    /// Its <see cref="Visibility"/> still decides whether its output is shown.
    /// </summary>
    public bool NeedsHiddenFiles => Kind == TestKind.Pytest || Files.Count > 0 || Visibility != Visibility.Visible;
}
