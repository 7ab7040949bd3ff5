namespace GitGrader.Core.Assignments;

/// <summary>How an I/O test compares the program's stdout with the expected output.</summary>
public enum OutputComparison
{
    /// <summary>Equal after CRLF→LF and trimming surrounding whitespace (GitHub Classroom's "exact").</summary>
    Exact,

    /// <summary>The expected text occurs in the output (after CRLF→LF and trimming).</summary>
    Included,

    /// <summary>The expected text is a .NET regular expression that matches somewhere in the output.</summary>
    Regex,

    /// <summary>Equal once every run of whitespace is collapsed to one space and the ends trimmed.</summary>
    Whitespace,
}
