namespace GitGrader.Classroom.Import;

/// <summary>One row of an assignment's <c>grades.csv</c>.</summary>
/// <param name="Line">Where it is in the file.</param>
/// <param name="GitHubUsername">The student's login; empty for a roster entry that never accepted.</param>
/// <param name="RosterIdentifier">The roster entry the student linked, or empty.</param>
/// <param name="RepositoryName">The student's repository name (no owner), or empty.</param>
/// <param name="RepositoryUrl">The student's repository page, or empty.</param>
/// <param name="SubmittedAt">The submission time, read as UTC (Classroom writes no zone); null when none or unreadable.</param>
/// <param name="PointsAwarded">Points Classroom's autograding gave, or null when the cell is empty.</param>
/// <param name="PointsAvailable">The most points, or null when the cell is empty.</param>
/// <param name="GroupName">The group (team) of a group assignment, or empty.</param>
/// <param name="StarterCodeUrl">The assignment's starter repository page, or empty.</param>
internal sealed record GradesCsvRow(
    int Line,
    string GitHubUsername,
    string RosterIdentifier,
    string RepositoryName,
    string RepositoryUrl,
    DateTimeOffset? SubmittedAt,
    double? PointsAwarded,
    double? PointsAvailable,
    string GroupName,
    string StarterCodeUrl);
