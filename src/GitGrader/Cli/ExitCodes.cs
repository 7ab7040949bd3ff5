namespace GitGrader.Cli;

/// <summary>Process exit codes of the <c>gitgrader</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>The work was done (for <c>grade</c>: graded, whatever the score).</summary>
    public const int Success = 0;

    /// <summary><c>validate</c>: the assignment misbehaves (the solution is not full marks, or the starter is).</summary>
    public const int ValidationFailed = 1;

    /// <summary>Bad input: an assignment file with a mistake, a missing folder, a wrong option.</summary>
    public const int BadInput = 2;

    /// <summary>The grader could not grade: Docker engine unreachable, image missing, grader error.</summary>
    public const int GraderUnavailable = 3;

    /// <summary><c>provision</c>: some students' repositories could not be finished (each says why; a rerun finishes them).</summary>
    public const int Incomplete = 4;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
