namespace GitGrader.Classroom.Import;

/// <summary>A planned file and what writing it would do.</summary>
/// <param name="File">The file.</param>
/// <param name="FullPath">Where it goes.</param>
/// <param name="Kind">New, unchanged or changed.</param>
internal sealed record FileChange(PlannedFile File, string FullPath, FileChangeKind Kind);
