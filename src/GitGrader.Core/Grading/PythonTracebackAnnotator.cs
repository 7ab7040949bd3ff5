using System.Globalization;
using System.Text.RegularExpressions;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Grading;

/// <summary>
/// Finds where a Python traceback (or a <c>SyntaxError</c> report) points into the student's files
/// and turns it into annotations for the check run.
/// </summary>
public static partial class PythonTracebackAnnotator
{
    /// <summary>Most annotations returned for one output.</summary>
    public const int MaxAnnotations = 50;

    private const int MaxMessageChars = 1_000;
    private const string NoMessage = "The traceback ended without an exception message (the output may have been cut).";

    /// <summary>
    /// For each traceback in <paramref name="output"/>, an annotation on the innermost frame that lies
    /// under <paramref name="submissionRoot"/>, with the path relative to it (forward slashes), the
    /// frame's line, <paramref name="title"/>, and the traceback's last line (e.g.
    /// <c>ZeroDivisionError: division by zero</c>) as the sanitised message. Frames elsewhere (hidden
    /// tests, the standard library, <c>&lt;string&gt;</c>) are never annotated. Lines prefixed with
    /// pytest's <c>E</c> marker are read too. At most <see cref="MaxAnnotations"/>, without repeats.
    /// </summary>
    /// <param name="output">What the test printed.</param>
    /// <param name="submissionRoot">Absolute path of the working copy in the sandbox, e.g. <c>/work/submission</c>.</param>
    /// <param name="title">Title of every annotation, e.g. the test name.</param>
    public static IReadOnlyList<Annotation> Extract(string output, string submissionRoot, string title)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(submissionRoot);
        ArgumentNullException.ThrowIfNull(title);

        var root = submissionRoot.EndsWith('/') ? submissionRoot : submissionRoot + "/";
        var annotations = new List<Annotation>();
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        // The innermost student frame of the traceback being read, and the indent of its frames.
        (string Path, int Line)? candidate = null;
        var inTraceback = false;
        var frameIndent = 0;

        foreach (var rawLine in lines)
        {
            if (annotations.Count == MaxAnnotations)
            {
                break;
            }

            var line = WithoutPytestPrefix(rawLine);
            var frame = FrameLine().Match(line);
            if (frame.Success)
            {
                inTraceback = true;
                frameIndent = frame.Groups["indent"].Length;
                if (RelativeTo(root, frame.Groups["path"].Value) is { } relative
                    && int.TryParse(frame.Groups["line"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    && number > 0)
                {
                    candidate = (relative, number);
                }

                continue;
            }

            if (!inTraceback || line.Trim().Length == 0 || Indent(line) >= frameIndent)
            {
                // Source lines, carets, "~~~^^^" markers: still inside the traceback.
                continue;
            }

            // A line less indented than the frames ends the traceback: the exception, or a new header.
            var isHeader = line.TrimStart().StartsWith("Traceback (most recent call last)", StringComparison.Ordinal);
            Add(annotations, candidate, title, isHeader ? NoMessage : line.Trim());
            candidate = null;
            inTraceback = false;
        }

        if (inTraceback && annotations.Count < MaxAnnotations)
        {
            Add(annotations, candidate, title, NoMessage);
        }

        return annotations;
    }

    private static void Add(List<Annotation> annotations, (string Path, int Line)? candidate, string title, string message)
    {
        if (candidate is not { } frame)
        {
            return;
        }

        var annotation = new Annotation
        {
            Path = frame.Path,
            Line = frame.Line,
            Title = StudentText.Sanitize(title),
            Message = StudentText.Truncate(StudentText.Sanitize(message), MaxMessageChars),
        };
        if (!annotations.Contains(annotation))
        {
            annotations.Add(annotation);
        }
    }

    /// <summary>
    /// The path relative to <paramref name="root"/> (which ends with '/'), or null when it is not strictly
    /// inside it. A relative path (as <c>py_compile</c> prints) is relative to the working directory of
    /// every step, which is the root.
    /// </summary>
    private static string? RelativeTo(string root, string path)
    {
        if (!path.StartsWith('/') && path.Length > 0 && !path.StartsWith('<'))
        {
            path = root + path;
        }

        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = new List<string>();
        foreach (var segment in path[root.Length..].Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (segments.Count == 0)
                    {
                        return null;
                    }

                    segments.RemoveAt(segments.Count - 1);
                    continue;
                default:
                    segments.Add(segment);
                    continue;
            }
        }

        return segments.Count == 0 ? null : StudentText.Sanitize(string.Join('/', segments));
    }

    private static int Indent(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    /// <summary>pytest prints exception lines as <c>E   …</c>; read them with the <c>E</c> as a space.</summary>
    private static string WithoutPytestPrefix(string line) =>
        line.Length >= 2 && line[0] == 'E' && line[1] == ' ' ? string.Concat(" ", line.AsSpan(1)) : line;

    [GeneratedRegex("""^(?<indent>[ \t]*)File "(?<path>[^"]+)", line (?<line>[0-9]{1,9})(?:, in .*)?\s*$""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1_000)]
    private static partial Regex FrameLine();
}
