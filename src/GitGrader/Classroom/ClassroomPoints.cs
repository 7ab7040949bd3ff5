namespace GitGrader.Classroom;

/// <summary>A student's points on an assignment as GitHub Classroom recorded them before the course moved to GitGrader (imported, not graded by GitGrader).</summary>
/// <param name="Login">The student's GitHub login.</param>
/// <param name="Points">Points Classroom's autograding gave; null when it recorded none.</param>
/// <param name="Available">The most points Classroom offered; null when unknown.</param>
/// <param name="SubmittedAt">When Classroom recorded the submission (UTC); null when unknown.</param>
/// <param name="Repository">The student's repository, <c>owner/name</c>, or empty.</param>
public sealed record ClassroomPoints(string Login, double? Points, double? Available, DateTimeOffset? SubmittedAt, string Repository);
