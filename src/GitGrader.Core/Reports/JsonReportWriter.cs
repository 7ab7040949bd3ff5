using System.Text.Json;

namespace GitGrader.Core.Reports;

/// <summary>Writes and reads the machine-readable report (<c>--json</c>, artifacts, tests).</summary>
public static class JsonReportWriter
{
    /// <summary>
    /// One indented JSON document with snake_case names (<c>max_score</c>, <c>duration_ms</c>,
    /// <c>graded_at</c>, <c>has_grader_error</c>, …), enums as their snake_case strings, and
    /// null members (<c>message</c>, <c>expected</c>, <c>actual</c>, <c>rejection</c>) left out.
    /// Strings are written from <see cref="PrintableReport"/>: no decoded value holds a control
    /// character (but <c>\n</c> and <c>\t</c> in outputs) or a bidirectional override, so whatever
    /// reads the document (<c>jq -r</c>, a dashboard) gets printable text, not just escaped bytes.
    /// </summary>
    public static string Write(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(PrintableReport.Of(report), ReportJsonContext.Default.GradeReport);
    }

    /// <summary>Reads a report written by <see cref="Write"/>.</summary>
    /// <exception cref="JsonException">The text is not such a report.</exception>
    public static GradeReport Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, ReportJsonContext.Default.GradeReport)
            ?? throw new JsonException("The JSON document is null, not a grade report.");
    }
}
