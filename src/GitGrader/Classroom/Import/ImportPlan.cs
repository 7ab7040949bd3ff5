namespace GitGrader.Classroom.Import;

/// <summary>What importing one classroom makes, before anything is written.</summary>
/// <param name="ClassroomName">The classroom's name.</param>
/// <param name="Organization">The organisation of its repositories (<c>Classroom:Organization</c>), or null when the export does not say.</param>
/// <param name="Files">Every file, in path order.</param>
/// <param name="Assignments">The assignment folders.</param>
/// <param name="RosterStudents">Entries of the roster written.</param>
/// <param name="Skipped">Repositories GitGrader will not grade as the export has them, each with why.</param>
/// <param name="Warnings">What the instructor should know.</param>
internal sealed record ImportPlan(
    string ClassroomName,
    string? Organization,
    IReadOnlyList<PlannedFile> Files,
    IReadOnlyList<PlannedAssignment> Assignments,
    int RosterStudents,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> Warnings);
