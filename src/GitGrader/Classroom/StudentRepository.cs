using GitGrader.Core.Assignments;

namespace GitGrader.Classroom;

/// <summary>A repository GitGrader grades: the assignment it belongs to and its student.</summary>
/// <param name="Assignment">The assignment.</param>
/// <param name="Student">The student's login, from the repository name.</param>
public sealed record StudentRepository(Assignment Assignment, string Student);
