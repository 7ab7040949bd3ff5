namespace GitGrader.Core.Assignments;

/// <summary>How an I/O test compares the program's stdout with the expected output.</summary>
public enum OutputComparison
{
    /// <summary>Equal after CRLF→LF and trimming surrounding whitespace (GitHub Classroom's "exact").</summary>
    Exact,

    /// <summary>The expected text occurs in the output (after CRLF→LF and trimming).</summary>
    Included,

    /// <summary>The expected text is a .NET regular expression (multiline) that matches somewhere in the output.</summary>
    Regex,

    /// <summary>Equal once every run of whitespace is collapsed to one space and the ends trimmed.</summary>
    Whitespace,

    /// <summary>
    /// <c>autograding.json</c>'s "regex" as <c>education/autograding</c> ran it: the pattern as written, a JavaScript
    /// regular expression with no flags (<c>^</c> and <c>$</c> at the ends only), matching somewhere in the output
    /// after CRLF→LF and trimming.
    /// </summary>
    ClassroomRegex,

    /// <summary><c>autograding-io-grader</c>'s "exact": both trimmed, line endings left as they are, then equal.</summary>
    IoGraderExact,

    /// <summary><c>autograding-io-grader</c>'s "contains": both trimmed, line endings left as they are, then one inside the other.</summary>
    IoGraderContains,

    /// <summary><c>autograding-io-grader</c>'s "regex": the trimmed pattern, a JavaScript regular expression with no flags, matching somewhere in the trimmed output.</summary>
    IoGraderRegex,
}
