namespace GitGrader.Core.Grading;

/// <summary>How one JUnit test case ended.</summary>
public enum JUnitOutcome
{
    /// <summary>No failure, error or skip.</summary>
    Passed,

    /// <summary>A <c>&lt;failure&gt;</c>: an assertion did not hold.</summary>
    Failed,

    /// <summary>An <c>&lt;error&gt;</c>: the test threw or could not run.</summary>
    Error,

    /// <summary>A <c>&lt;skipped&gt;</c> (or a gtest case that was not run).</summary>
    Skipped,
}
