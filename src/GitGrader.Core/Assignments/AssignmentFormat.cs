namespace GitGrader.Core.Assignments;

/// <summary>Which file an assignment was read from.</summary>
public enum AssignmentFormat
{
    /// <summary><c>assignment.yml</c>, GitGrader's own format.</summary>
    GitGrader,

    /// <summary><c>autograding.json</c> (or <c>.github/classroom/autograding.json</c>), GitHub Classroom's format.</summary>
    Classroom,

    /// <summary>A Gradescope autograder folder (<c>autograder/setup.sh</c>, <c>autograder/run_autograder</c>, its files).</summary>
    Gradescope,
}
