namespace GitGrader.Core.Reports;

/// <summary>
/// The form of a report every renderer and writer starts from: one-line strings (names, messages,
/// notes, the rejection, annotation paths and titles) through <see cref="StudentText.Visible"/>, so a
/// control character or a bidirectional override the student put in a file name or an output shows
/// as what it is and is never acted on; multi-line strings (output, expected, actual) through
/// <see cref="StudentText.Sanitize"/>, keeping only <c>\n</c> and <c>\t</c>. Idempotent.
/// </summary>
public static class PrintableReport
{
    /// <summary>A copy of <paramref name="report"/> with every string printable.</summary>
    public static GradeReport Of(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report with
        {
            Assignment = StudentText.Visible(report.Assignment),
            Slug = StudentText.Visible(report.Slug),
            Tests = [.. report.Tests.Select(Of)],
            Annotations = [.. report.Annotations.Select(a => a with
            {
                Path = StudentText.Visible(a.Path),
                Title = StudentText.Visible(a.Title),
                Message = StudentText.Visible(a.Message),
            })],
            Notes = [.. report.Notes.Select(StudentText.Visible)],
            Rejection = report.Rejection is null ? null : StudentText.Visible(report.Rejection),
        };
    }

    /// <summary>A copy of <paramref name="test"/> with every string printable.</summary>
    public static TestResult Of(TestResult test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return test with
        {
            Name = StudentText.Visible(test.Name),
            Message = test.Message is null ? null : StudentText.Visible(test.Message),
            Output = StudentText.Sanitize(test.Output),
            Expected = test.Expected is null ? null : StudentText.Sanitize(test.Expected),
            Actual = test.Actual is null ? null : StudentText.Sanitize(test.Actual),
        };
    }
}
