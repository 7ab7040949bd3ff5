using System.Globalization;
using GitGrader.Core.Reports;
using GitGrader.GitHub.Rest;
using GitGrader.Storage;

namespace GitGrader.Reporting;

/// <summary>What the check run says of a push GitGrader received only through recovery.</summary>
public static partial class CheckRunContent
{
    /// <summary>
    /// <paramref name="output"/> with a line on top saying the push was recovered and which time it counts with, when
    /// <paramref name="submission"/> was; else <paramref name="output"/> as it is.
    /// </summary>
    public static CheckRunOutput WithRecovery(CheckRunOutput output, SubmissionRecord submission)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(submission);
        if (!submission.Recovered)
        {
            return output;
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"> Recovered: GitHub could not deliver this push to GitGrader when it was made; GitGrader recovered it later. It counts as pushed at {submission.ReceivedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, the time GitHub recorded for it.\n\n");
        var summary = line + output.Summary;
        return summary.Length <= MarkdownReportRenderer.MaxLength ? output with { Summary = summary } : output;
    }
}
