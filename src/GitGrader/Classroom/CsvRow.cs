namespace GitGrader.Classroom;

/// <summary>One CSV row and the line it starts on.</summary>
internal sealed record CsvRow(int Line, List<string> Fields);
