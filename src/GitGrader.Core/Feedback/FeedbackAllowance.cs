using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Feedback;

/// <summary>
/// The pure rules of feedback limits. A day runs from one reset to the next, the reset being
/// <see cref="FeedbackLimit.ResetsAt"/> on the zone's local clock, so a day is 23 or 25 hours long
/// across a daylight-saving change. A reset time the clocks skip (spring forward) happens at the
/// first instant after the gap; one that occurs twice (fall back) happens at the first occurrence.
/// </summary>
public static class FeedbackAllowance
{
    /// <summary>The day of <paramref name="limit"/> holding <paramref name="now"/>.</summary>
    public static FeedbackWindow WindowAt(FeedbackLimit limit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, limit.TimeZone).DateTime);
        var reset = ResetOn(limit, localDate);
        return now >= reset
            ? new FeedbackWindow(reset, ResetOn(limit, localDate.AddDays(1)))
            : new FeedbackWindow(ResetOn(limit, localDate.AddDays(-1)), reset);
    }

    /// <summary>The instant of the reset on local date <paramref name="date"/>, as UTC.</summary>
    public static DateTimeOffset ResetOn(FeedbackLimit limit, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var zone = limit.TimeZone;
        var local = date.ToDateTime(limit.ResetsAt, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Skipped by the clocks: walk forward to the first local minute that exists, which is the gap's end.
            var probe = local;
            while (zone.IsInvalidTime(probe))
            {
                probe = probe.AddMinutes(1);
            }

            probe = new DateTime(probe.Year, probe.Month, probe.Day, probe.Hour, probe.Minute, 0, DateTimeKind.Unspecified);
            return new DateTimeOffset(probe, zone.GetUtcOffset(probe)).ToUniversalTime();
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>
    /// Whether showing <paramref name="report"/> in full uses one of the day's hidden results: only
    /// when it tells the student something about a hidden test. After PrairieLearn's rule that an
    /// ungradable submission uses no attempt, these never do: a rejected submission (over the caps;
    /// nothing ran), a grader error (our failure; it is retried and never shown as a score), a
    /// commit whose build failed (every hidden test is a compile error, which the visible tests
    /// already say), and an assignment without hidden tests.
    /// </summary>
    public static bool UsesHiddenResult(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Rejection is null
            && !report.HasGraderError
            && report.Tests.Any(t => IsWithheld(t) && t.Status != TestStatus.CompileError);
    }

    /// <summary>Whether a test is one a student past the limit does not see: hidden, or shown only after the due date.</summary>
    public static bool IsWithheld(TestResult test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return test.Visibility != Visibility.Visible;
    }
}
