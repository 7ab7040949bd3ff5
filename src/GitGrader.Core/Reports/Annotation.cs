namespace GitGrader.Core.Reports;

/// <summary>A message pinned to a line of a student's file (a compile error, a traceback frame).</summary>
public sealed record Annotation
{
    /// <summary>Path relative to the repository root, with forward slashes.</summary>
    public required string Path { get; init; }

    /// <summary>1-based line.</summary>
    public required int Line { get; init; }

    /// <summary>Short title, e.g. the test name.</summary>
    public required string Title { get; init; }

    /// <summary>The message (sanitised).</summary>
    public required string Message { get; init; }
}
