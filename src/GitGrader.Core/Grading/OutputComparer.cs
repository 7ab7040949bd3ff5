using System.Text;
using System.Text.RegularExpressions;
using GitGrader.Core.Assignments;

namespace GitGrader.Core.Grading;

/// <summary>Decides whether a program's stdout matches an I/O test's expected output, with GitHub Classroom's semantics.</summary>
public static class OutputComparer
{
    /// <summary>How long a <see cref="OutputComparison.Regex"/> match may run before it counts as no match.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// <list type="bullet">
    /// <item><see cref="OutputComparison.Exact"/>: equal after CRLF→LF and trimming both.</item>
    /// <item><see cref="OutputComparison.Included"/>: the normalised expected text occurs in the normalised output (ordinal).</item>
    /// <item><see cref="OutputComparison.Regex"/>: the normalised expected text, as a multiline, culture-invariant
    /// .NET pattern, matches somewhere in the normalised output within <see cref="RegexTimeout"/>; a timeout is no match.</item>
    /// <item><see cref="OutputComparison.Whitespace"/>: equal once every run of whitespace is one space and the ends trimmed.</item>
    /// </list>
    /// </summary>
    /// <exception cref="ArgumentException">The pattern of a regex comparison is not a valid regular expression (the instructor's mistake).</exception>
    public static bool Matches(OutputComparison comparison, string expected, string actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        return comparison switch
        {
            OutputComparison.Exact => string.Equals(Normalize(expected), Normalize(actual), StringComparison.Ordinal),
            OutputComparison.Included => Normalize(actual).Contains(Normalize(expected), StringComparison.Ordinal),
            OutputComparison.Regex => RegexMatches(Normalize(expected), Normalize(actual)),
            OutputComparison.Whitespace => string.Equals(CollapseWhitespace(expected), CollapseWhitespace(actual), StringComparison.Ordinal),
            OutputComparison.ClassroomRegex => ScriptRegexMatches(expected, Normalize(actual)),
            OutputComparison.IoGraderExact => string.Equals(ScriptTrim(expected), ScriptTrim(actual), StringComparison.Ordinal),
            OutputComparison.IoGraderContains => ScriptTrim(actual).Contains(ScriptTrim(expected), StringComparison.Ordinal),
            OutputComparison.IoGraderRegex => ScriptRegexMatches(ScriptTrim(expected), ScriptTrim(actual)),
            _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Unknown output comparison."),
        };
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>
    /// A JavaScript regular expression with no flags, as <c>new RegExp(pattern).test(text)</c>: ECMAScript
    /// semantics (<c>\d</c>, <c>\w</c>, <c>\s</c> in ASCII), <c>^</c>/<c>$</c> at the ends of the text only, <c>.</c>
    /// not matching a newline. A pattern .NET's ECMAScript mode does not take (a lookbehind, a named group) is
    /// matched in .NET's own dialect, which reads those alike.
    /// </summary>
    public static Regex ScriptRegex(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            return new Regex(pattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
    }

    private static bool ScriptRegexMatches(string pattern, string actual)
    {
        try
        {
            return ScriptRegex(pattern).IsMatch(actual);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>JavaScript's <c>String.prototype.trim</c>: white space and line terminators, the byte-order mark included.</summary>
    private static string ScriptTrim(string text)
    {
        static bool Trimmed(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';
        var start = 0;
        var end = text.Length;
        while (start < end && Trimmed(text[start]))
        {
            start++;
        }

        while (end > start && Trimmed(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static bool RegexMatches(string pattern, string actual)
    {
        try
        {
            return Regex.IsMatch(actual, pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
