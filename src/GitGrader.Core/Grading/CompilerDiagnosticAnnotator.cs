using System.Text.RegularExpressions;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Grading;

/// <summary>
/// Pins compiler errors to the student's lines: gcc/clang (<c>file:line:col: error: msg</c>), javac
/// (<c>File.java:line: error: msg</c>) and Node syntax errors (<c>/path/file.js:line</c> … <c>SyntaxError: msg</c>).
/// Paths are taken relative to the working copy; anything outside it is never annotated.
/// </summary>
public static partial class CompilerDiagnosticAnnotator
{
    /// <summary>Most annotations returned for one output.</summary>
    public const int MaxAnnotations = 50;

    public static IReadOnlyList<Annotation> Extract(string output, string submissionRoot, string title)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(submissionRoot);
        var root = submissionRoot.EndsWith('/') ? submissionRoot : submissionRoot + "/";
        output = StudentText.Sanitize(output); // colour codes (-fdiagnostics-color) would hide the pattern
        var annotations = new List<Annotation>();
        try
        {
            foreach (Match match in GccOrJavac().Matches(output))
            {
                Add(annotations, root, match.Groups["path"].Value, match.Groups["line"].Value, match.Groups["message"].Value, title);
            }

            foreach (Match match in NodeSyntax().Matches(output))
            {
                Add(annotations, root, match.Groups["path"].Value, match.Groups["line"].Value, "SyntaxError: " + match.Groups["message"].Value, title);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Hostile output: what was found so far stands.
        }

        return annotations.DistinctBy(a => (a.Path, a.Line, a.Message)).Take(MaxAnnotations).ToList();
    }

    private static void Add(List<Annotation> annotations, string root, string path, string line, string message, string title)
    {
        if (!int.TryParse(line, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1 || annotations.Count >= MaxAnnotations)
        {
            return;
        }

        string relative;
        if (path.StartsWith('/'))
        {
            if (!path.StartsWith(root, StringComparison.Ordinal))
            {
                return;
            }

            relative = path[root.Length..];
        }
        else
        {
            relative = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        }

        if (relative.Length == 0 || relative.Split('/').Any(part => part is ".." or "."))
        {
            return;
        }

        var annotation = new Annotation
        {
            Path = relative,
            Line = number,
            Title = title,
            Message = StudentText.Truncate(StudentText.Sanitize(message.Trim()), 1_000),
        };

        // Duplicates are dropped as they come, so a repeated error never uses up the cap.
        if (!annotations.Any(a => a.Path == annotation.Path && a.Line == annotation.Line && a.Message == annotation.Message))
        {
            annotations.Add(annotation);
        }
    }

    [GeneratedRegex(@"^(?<path>[^\s:][^:\n]*):(?<line>\d+):(?:\d+:)? (?:fatal )?error: (?<message>[^\n]*)$", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GccOrJavac();

    [GeneratedRegex(@"^(?<path>/[^:\n]+\.(?:js|mjs|cjs)):(?<line>\d+)\n(?:[^\n]*\n){0,6}?SyntaxError: (?<message>[^\n]*)$", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NodeSyntax();
}
