namespace GitGrader.Classroom;

/// <summary>A student's own deadline for one assignment, in place of the assignment's <c>deadline</c>.</summary>
/// <param name="Login">The student's GitHub login.</param>
/// <param name="Until">The student's deadline.</param>
public sealed record StudentExtension(string Login, DateTimeOffset Until);
