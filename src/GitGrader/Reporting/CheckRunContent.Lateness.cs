using System.Globalization;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grades;
using GitGrader.Core.Reports;
using GitGrader.GitHub.Rest;
using GitGrader.Storage;

namespace GitGrader.Reporting;

/// <summary>What the check run says of a push received after the student's deadline.</summary>
public static partial class CheckRunContent
{
    /// <summary>
    /// <paramref name="output"/> with a line on top saying the push is late against <paramref name="deadline"/> (the student's own),
    /// by how many days and what that costs under the assignment's policy; else <paramref name="output"/> as it is.
    /// </summary>
    public static CheckRunOutput WithLateness(CheckRunOutput output, SubmissionRecord submission, Assignment assignment, DateTimeOffset? deadline)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(assignment);
        var days = RecordedGradePolicy.LateDays(deadline, assignment.Late, submission.ReceivedAt);
        if (days == 0)
        {
            return output;
        }

        var grace = assignment.Late.Grace > TimeSpan.Zero ? " and its grace period" : string.Empty;
        var percent = RecordedGradePolicy.PenaltyPercent(assignment.Late, days);
        var cost = assignment.Counts is SubmissionCounting.BestOnTime or SubmissionCounting.LatestOnTime
            ? "Late submissions do not count for this assignment."
            : percent > 0
                ? $"If it is the submission that counts, {StudentStanding.Percent(percent)} of its points are taken."
                : "It is marked late.";
        var line = string.Create(CultureInfo.InvariantCulture, $"> Late: received {submission.ReceivedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {(days == 1 ? "1 day" : $"{days} days")} after your deadline ({deadline!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC){grace}. {cost}\n\n");
        var summary = line + output.Summary;
        return summary.Length <= MarkdownReportRenderer.MaxLength ? output with { Summary = summary } : output;
    }
}
