namespace GitGrader.Classroom.Import;

/// <summary>An assignment folder the import makes.</summary>
/// <param name="Folder">The folder's name: the prefix of its repository names, <c>&lt;folder&gt;-&lt;login&gt;</c>.</param>
/// <param name="Title">Classroom's title.</param>
/// <param name="Adopted">The student repositories (<c>owner/name</c>) that map to it as their student's.</param>
/// <param name="Students">Students with Classroom points kept.</param>
internal sealed record PlannedAssignment(string Folder, string Title, IReadOnlyList<string> Adopted, int Students);
