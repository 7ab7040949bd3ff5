using System.Text.RegularExpressions;

using GitGrader.Core.Reports;

namespace GitGrader.Core.Grading;

/// <summary>Recognises compiler and interpreter messages that mean "the code does not build" in the languages GitGrader's images carry.</summary>
public static partial class CompileErrorDetector
{
    /// <summary>Whether <paramref name="output"/> holds a compile error: gcc/clang, javac, a Python or JavaScript syntax error.</summary>
    public static bool Matches(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output = StudentText.Sanitize(output); // colour codes (-fdiagnostics-color) would hide the pattern
        return GccError().IsMatch(output) || JavacError().IsMatch(output) || SyntaxError().IsMatch(output);
    }

    /// <summary><c>file.cpp:12:5: error: …</c> (also <c>fatal error</c>) and linker <c>undefined reference</c>.</summary>
    [GeneratedRegex(@"^[^\s:][^:\n]*:\d+:(\d+:)? (fatal )?error: |^[^\n]*: undefined reference to ", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex GccError();

    /// <summary><c>Main.java:12: error: …</c>.</summary>
    [GeneratedRegex(@"^[^\n:]+\.java:\d+: error: ", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex JavacError();

    /// <summary>Python's and Node's <c>SyntaxError: …</c> (and Python's IndentationError, TabError) at the start of a line.</summary>
    [GeneratedRegex(@"^(SyntaxError|IndentationError|TabError): ", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex SyntaxError();
}
