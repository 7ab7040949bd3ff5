using System.Globalization;
using System.Text;
using GitGrader.Core.Assignments;

namespace GitGrader.Core.Reports;

/// <summary>
/// Renders a <see cref="GradeReport"/> as GitHub-flavoured Markdown for a check run summary or a
/// pull-request comment. Every string that came from the student goes through
/// <see cref="MarkdownText"/>; the only HTML ever emitted is the optional marker comment on the
/// first line; the result never exceeds <see cref="MaxLength"/> characters.
/// </summary>
public sealed class MarkdownReportRenderer
{
    /// <summary>GitHub's limit for a check run summary (and, one less, for a comment body).</summary>
    public const int MaxLength = 65_535;

    private const int MaxNameChars = 200;
    private const int MaxMessageChars = 1_000;
    private const int MaxRejectionChars = 2_000;
    private const int MaxNotes = 20;
    private const int MaxNoteChars = 300;

    // Room kept for the "… more tests not shown" and "details omitted" lines.
    private const int OmissionReserve = 400;

    // A details block smaller than this is not worth showing.
    private const int MinDetailsBlock = 300;

    // When an equal share would be too small, blocks get this much, first come first served.
    private const int FallbackDetailsBlock = 2_000;

    private const string DetailsHeading = "### Details\n\n";

    /// <summary>Renders <paramref name="report"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="marker">
    /// Ours, never the student's: when given, the first line is <c>&lt;!-- gitgrader:{marker} --&gt;</c>
    /// so the comment can be found and updated later. Letters, digits and <c>._:/-</c> only.
    /// </param>
    public string Render(GradeReport report, string? marker = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        report = PrintableReport.Of(report);

        var sb = new StringBuilder(4_096);
        if (marker is not null)
        {
            ValidateMarker(marker);
            sb.Append("<!-- gitgrader:").Append(marker).Append(" -->\n");
        }

        AppendHeader(sb, report);
        var tail = RenderTail(report);
        var reserve = tail.Length + OmissionReserve;

        AppendTable(sb, report.Tests, reserve);
        AppendDetails(sb, report.Tests, reserve);
        sb.Append(tail);

        if (sb.Length > MaxLength)
        {
            // Unreachable with the budgets above; kept so that no caller ever gets a body GitHub refuses.
            throw new InvalidOperationException($"The rendered report is {sb.Length} characters, over the limit of {MaxLength}.");
        }

        return sb.ToString();
    }

    private static void AppendHeader(StringBuilder sb, GradeReport report)
    {
        sb.Append("## ")
            .Append(MarkdownText.Inline(Shorten(report.Assignment, MaxNameChars)))
            .Append(": ")
            .Append(Points(report.Score, report.MaxScore))
            .Append(" points\n\n");

        if (report.Rejection is { } rejection)
        {
            sb.Append("> ⚠️ **Not graded:** ")
                .Append(MarkdownText.Inline(Shorten(rejection, MaxRejectionChars)))
                .Append("\n\n");
        }

        if (report.HasGraderError)
        {
            sb.Append("> ⚠️ **The grader failed on at least one test.** This grade is not final: grading will be retried.\n\n");
        }
    }

    private static void AppendTable(StringBuilder sb, IReadOnlyList<TestResult> tests, int reserve)
    {
        if (tests.Count == 0)
        {
            sb.Append("_No tests were run._\n\n");
            return;
        }

        var hasHidden = tests.Any(t => t.Visibility == Visibility.Hidden);
        var hasLater = tests.Any(t => t.Visibility == Visibility.AfterDueDate);
        var legend = new StringBuilder();
        if (hasHidden)
        {
            legend.Append("🔒 hidden test: only its result and points are shown.");
        }

        if (hasLater)
        {
            legend.Append(hasHidden ? " " : string.Empty)
                .Append("📅 full details are shown after the due date.");
        }

        if (legend.Length > 0)
        {
            legend.Append("\n\n");
        }

        sb.Append("| Test | Result | Points | Time |\n| :--- | :--- | ---: | ---: |\n");
        var budget = MaxLength - reserve - legend.Length - 1;
        var shown = 0;
        foreach (var test in tests)
        {
            var row = Row(test);
            if (sb.Length + row.Length > budget)
            {
                break;
            }

            sb.Append(row);
            shown++;
        }

        sb.Append('\n');
        if (shown < tests.Count)
        {
            sb.Append(CultureInfo.InvariantCulture, $"_… {tests.Count - shown:N0} more tests not shown._\n\n");
        }

        sb.Append(legend);
    }

    private static string Row(TestResult test)
    {
        var name = MarkdownText.Inline(Shorten(test.Name, MaxNameChars));
        if (name.Length == 0)
        {
            name = "_(unnamed)_";
        }

        var mark = test.Visibility switch
        {
            Visibility.Hidden => " 🔒",
            Visibility.AfterDueDate => " 📅",
            _ => string.Empty,
        };
        return $"| {name}{mark} | {Verdict(test.Status)} | {Points(test.Score, test.MaxScore)} | {(test.Concealed ? "—" : Duration(test.DurationMs))} |\n";
    }

    private static void AppendDetails(StringBuilder sb, IReadOnlyList<TestResult> tests, int reserve)
    {
        var candidates = tests.Where(HasDetails).ToList();
        var omitted = 0;
        var headingWritten = false;
        for (var i = 0; i < candidates.Count; i++)
        {
            var available = MaxLength - reserve - sb.Length - (headingWritten ? 0 : DetailsHeading.Length);
            var share = available / (candidates.Count - i);
            if (share < MinDetailsBlock)
            {
                share = Math.Min(available, FallbackDetailsBlock);
            }

            if (share < MinDetailsBlock)
            {
                omitted += candidates.Count - i;
                break;
            }

            var block = DetailsBlock(candidates[i], share);
            if (block is null)
            {
                omitted++;
                continue;
            }

            if (!headingWritten)
            {
                sb.Append(DetailsHeading);
                headingWritten = true;
            }

            sb.Append(block);
        }

        if (omitted > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"_Details of {omitted:N0} tests were omitted to keep this report within GitHub's size limit._\n\n");
        }
    }

    private static bool HasDetails(TestResult test) =>
        test.Status != TestStatus.Passed
        && (!string.IsNullOrEmpty(test.Message) || Fields(test).Any());

    /// <summary>The code-block fields a student may see; never any for a hidden test.</summary>
    private static IEnumerable<(string Label, string Text)> Fields(TestResult test)
    {
        if (test.Visibility == Visibility.Hidden || test.Concealed)
        {
            yield break;
        }

        if (!string.IsNullOrEmpty(test.Expected))
        {
            yield return ("Expected", test.Expected);
        }

        if (!string.IsNullOrEmpty(test.Actual))
        {
            yield return ("Actual", test.Actual);
        }

        if (!string.IsNullOrEmpty(test.Output))
        {
            yield return ("Output", test.Output);
        }
    }

    private static string? DetailsBlock(TestResult test, int budget)
    {
        var sb = new StringBuilder();
        var name = MarkdownText.Inline(Shorten(test.Name, MaxNameChars));
        sb.Append("#### ").Append(name.Length == 0 ? "_(unnamed)_" : name).Append("\n\n");
        if (!string.IsNullOrEmpty(test.Message))
        {
            sb.Append(MarkdownText.Inline(Shorten(test.Message, MaxMessageChars))).Append("\n\n");
        }

        var fields = Fields(test).ToList();
        var fixedLength = sb.Length + fields.Sum(f => LabelLength(f.Label) + 1);
        if (fixedLength > budget)
        {
            return null;
        }

        var left = budget - fixedLength;
        for (var i = 0; i < fields.Count; i++)
        {
            var (label, text) = fields[i];
            var code = FittedCodeBlock(StudentText.Sanitize(text), left / (fields.Count - i));
            sb.Append("**").Append(label).Append("**\n\n").Append(code).Append('\n');
            left -= code.Length;
        }

        return sb.ToString();
    }

    private static int LabelLength(string label) => label.Length + 6;

    /// <summary>A code block of at most <paramref name="budget"/> characters, truncating the text as needed.</summary>
    private static string FittedCodeBlock(string text, int budget)
    {
        const int FenceOverhead = 10;
        var limit = Math.Max(0, Math.Min(text.Length, budget - FenceOverhead));
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var block = MarkdownText.CodeBlock(StudentText.Truncate(text, limit));
            if (block.Length <= budget)
            {
                return block;
            }

            // Long backtick runs lengthen the fence: shrink in proportion and try again.
            limit = (int)((long)limit * budget / block.Length) - 1;
            if (limit <= 0)
            {
                break;
            }
        }

        var placeholder = MarkdownText.CodeBlock("… [omitted]");
        return placeholder.Length <= budget ? placeholder : string.Empty;
    }

    private static string RenderTail(GradeReport report)
    {
        var sb = new StringBuilder();
        if (report.Notes.Count > 0)
        {
            sb.Append("### Notes\n\n");
            foreach (var note in report.Notes.Take(MaxNotes))
            {
                sb.Append("- ").Append(MarkdownText.Inline(Shorten(note, MaxNoteChars))).Append('\n');
            }

            if (report.Notes.Count > MaxNotes)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- … and {report.Notes.Count - MaxNotes:N0} more\n");
            }

            sb.Append('\n');
        }

        var gradedAt = report.GradedAt.UtcDateTime.ToString("yyyy'-'MM'-'dd HH':'mm':'ss", CultureInfo.InvariantCulture);
        sb.Append("_Graded by GitGrader in ").Append(Duration(report.DurationMs)).Append(" at ").Append(gradedAt).Append(" UTC._\n");
        return sb.ToString();
    }

    private static string Verdict(TestStatus status) => status switch
    {
        TestStatus.Passed => "✅ passed",
        TestStatus.Failed => "❌ failed",
        TestStatus.Timeout => "⏱️ timeout",
        TestStatus.MemoryLimit => "🧠 memory limit",
        TestStatus.RuntimeError => "💥 runtime error",
        TestStatus.CompileError => "🛠️ compile error",
        TestStatus.Error => "⚠️ grader error",
        _ => "❔ unknown",
    };

    private static string Points(double score, double max) =>
        string.Create(CultureInfo.InvariantCulture, $"{score:0.##}/{max:0.##}");

    private static string Duration(long ms) => ms < 1_000
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, ms)} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{ms / 1_000.0:0.#} s");

    /// <summary>Cuts a one-line value (a name, a message) to <paramref name="max"/> characters, ending with an ellipsis.</summary>
    private static string Shorten(string text, int max)
    {
        var clean = StudentText.Sanitize(text);
        if (clean.Length <= max)
        {
            return clean;
        }

        var length = max - 1;
        if (char.IsHighSurrogate(clean[length - 1]))
        {
            length--;
        }

        return string.Concat(clean.AsSpan(0, length), "…");
    }

    private static void ValidateMarker(string marker)
    {
        if (marker.Length == 0 || marker.Length > 100
            || !marker.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '/' or '-')
            || marker.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("A marker is 1 to 100 ASCII letters, digits and ._:/- characters, without \"--\".", nameof(marker));
        }
    }
}
