namespace GitGrader.Classroom.Import;

/// <summary>A file the import writes.</summary>
/// <param name="RelativePath">Its path under the output folder, with '/' separators.</param>
/// <param name="Content">Its whole text (the same for the same export).</param>
internal sealed record PlannedFile(string RelativePath, string Content);
