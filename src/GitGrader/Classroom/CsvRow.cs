namespace GitGrader.Classroom;

/// <summary>One CSV row: the line it starts on and its fields.</summary>
/// <param name="Line">1-based line of the row's first character.</param>
/// <param name="Fields">The fields, unquoted.</param>
internal sealed record CsvRow(int Line, List<string> Fields);
