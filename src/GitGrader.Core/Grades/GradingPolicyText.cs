using System.Globalization;
using GitGrader.Core.Assignments;

namespace GitGrader.Core.Grades;

/// <summary>The effective late policy and <c>counts:</c> of an assignment in one sentence, for <c>validate</c> and the summary issue.</summary>
public static class GradingPolicyText
{
    /// <summary>E.g. "Late after the deadline + 15m grace: −10% of the points scored per started day, at most −50%. Counts: the best submission after the penalty."</summary>
    public static string Describe(Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var late = assignment.Late;
        var text = string.Empty;
        if (assignment.Deadline is not null)
        {
            var grace = late.Grace > TimeSpan.Zero ? $" + {Duration(late.Grace)} grace" : string.Empty;
            var penalty = late.PenaltyPerDay <= 0 || late.MaxPenalty <= 0
                ? "no penalty"
                : $"−{Percent(late.PenaltyPerDay)} of the points scored per started day" + (late.MaxPenalty < 100 ? $", at most −{Percent(late.MaxPenalty)}" : string.Empty);
            text = $"Late after the deadline{grace}: {penalty}. ";
        }

        return text + "Counts: " + assignment.Counts switch
        {
            SubmissionCounting.Latest => "the latest graded submission" + (assignment.Deadline is null ? "." : ", with its penalty."),
            SubmissionCounting.BestOnTime => "the best submission on time; later ones are ignored.",
            SubmissionCounting.LatestOnTime => "the latest submission on time; later ones are ignored.",
            _ => "the best submission" + (assignment.Deadline is null ? "." : " after its penalty."),
        };
    }

    private static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Duration(TimeSpan value)
    {
        if (value.TotalHours >= 1 && value.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return value.TotalHours.ToString("0", CultureInfo.InvariantCulture) + "h";
        }

        return value.Ticks % TimeSpan.TicksPerMinute == 0
            ? value.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + "m"
            : value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }
}
