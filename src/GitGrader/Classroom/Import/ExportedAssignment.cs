namespace GitGrader.Classroom.Import;

/// <summary>One assignment of an export, read and checked.</summary>
/// <param name="Assignment">Its <c>assignment.json</c> (or its <c>assignments.json</c> entry when that file is missing).</param>
/// <param name="Folder">Its folder, <c>assignment-&lt;id&gt;</c>.</param>
/// <param name="Accepted">Its <c>accepted-assignments.json</c>: one entry per student (or group) repository.</param>
/// <param name="Grades">Its <c>grades.csv</c> rows; empty when the export has none (no grades returned).</param>
/// <param name="GradesFile">The path of <c>grades.csv</c>, or null when there is none.</param>
internal sealed record ExportedAssignment(
    ExportAssignment Assignment,
    string Folder,
    IReadOnlyList<ExportAcceptedAssignment> Accepted,
    IReadOnlyList<GradesCsvRow> Grades,
    string? GradesFile)
{
    /// <summary>Classroom's group assignments give one repository to a team.</summary>
    public bool IsGroup => string.Equals(Assignment.Type, "group", StringComparison.OrdinalIgnoreCase);
}
