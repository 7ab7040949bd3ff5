namespace GitGrader.Core.Assignments;

/// <summary>An assignment file that cannot be used, with the file, line and key at fault.</summary>
public sealed class AssignmentFormatException : Exception
{
    public AssignmentFormatException(string filePath, int? line, string? key, string problem)
        : base(Format(filePath, line, key, problem))
    {
        FilePath = filePath;
        Line = line;
        Key = key;
        Problem = problem;
    }

    public AssignmentFormatException()
    {
        FilePath = string.Empty;
        Problem = string.Empty;
    }

    public AssignmentFormatException(string message)
        : base(message)
    {
        FilePath = string.Empty;
        Problem = message;
    }

    public AssignmentFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Problem = message;
    }

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }

    /// <summary>1-based line, when known.</summary>
    public int? Line { get; }

    /// <summary>Dotted key path, e.g. <c>tests[2].points</c>, when known.</summary>
    public string? Key { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Format(string filePath, int? line, string? key, string problem)
    {
        var where = line is { } l ? $"{filePath}:{l}" : filePath;
        return key is null ? $"{where}: {problem}" : $"{where}: {key}: {problem}";
    }
}
