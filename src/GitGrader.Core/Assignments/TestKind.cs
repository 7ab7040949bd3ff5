namespace GitGrader.Core.Assignments;

/// <summary>How a test decides its verdict.</summary>
public enum TestKind
{
    /// <summary>Runs a command; exit status 0 passes.</summary>
    Run,

    /// <summary>Feeds stdin to a command and compares its stdout, outside the sandbox, with the expected output.</summary>
    Io,

    /// <summary>Runs a command that writes JUnit XML; each test case in it scores.</summary>
    JUnit,

    /// <summary>Runs hidden pytest files against the submission, hardened against the student's own files; each case scores.</summary>
    Pytest,

    /// <summary>Runs a Gradescope autograder (<c>/autograder/run_autograder</c>) and maps its <c>results.json</c>; each test in it scores.</summary>
    Gradescope,
}
