namespace GitGrader.Classroom.Import;

/// <summary>One classroom of an export, read and checked.</summary>
/// <param name="Classroom">Its <c>classroom.json</c> (or its <c>classrooms.json</c> entry).</param>
/// <param name="Folder">Its folder, <c>classroom-&lt;id&gt;</c>.</param>
/// <param name="Assignments">Its assignments, in <c>assignments.json</c> order.</param>
internal sealed record ExportedClassroom(ExportClassroom Classroom, string Folder, IReadOnlyList<ExportedAssignment> Assignments);
