using GitGrader.Core.Assignments;

namespace GitGrader.Core.Grades;

/// <summary>
/// The one place late submissions and the counted submission are decided: a submission is late
/// when received after the student's deadline plus the grace; it loses the per-day percentage of
/// its score for each started 24 hours after that, up to the cap; <c>counts:</c> picks the
/// submission whose score is recorded. The raw score is never changed.
/// </summary>
public static class RecordedGradePolicy
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Days late of a submission received at <paramref name="receivedAt"/>: 0 up to and at deadline + grace, then 1 for each started 24 hours.</summary>
    public static int LateDays(DateTimeOffset? deadline, LatePolicy policy, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (deadline is not { } due)
        {
            return 0;
        }

        var over = receivedAt - (due + policy.Grace);
        return over <= TimeSpan.Zero ? 0 : (int)Math.Min(int.MaxValue, Math.Ceiling(over.Ticks / (double)Day.Ticks));
    }

    /// <summary>Whether a submission received at <paramref name="receivedAt"/> is late (after deadline + grace).</summary>
    public static bool IsLate(DateTimeOffset? deadline, LatePolicy policy, DateTimeOffset receivedAt) => LateDays(deadline, policy, receivedAt) > 0;

    /// <summary>The percent taken for <paramref name="lateDays"/> days late: the per-day percentage times the days, at most the cap and 100.</summary>
    public static double PenaltyPercent(LatePolicy policy, int lateDays)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return lateDays <= 0 ? 0 : Math.Min(Math.Min(policy.PenaltyPerDay * lateDays, policy.MaxPenalty), 100);
    }

    /// <summary>
    /// The recorded grade of a student from their graded submissions (in the order received; of two received at the same
    /// instant the later in the list is the later), against <paramref name="deadline"/>, the student's own; null when none is graded.
    /// </summary>
    public static RecordedGrade? Decide(Assignment assignment, DateTimeOffset? deadline, IReadOnlyList<GradedSubmission> graded)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(graded);
        if (graded.Count == 0)
        {
            return null;
        }

        var candidates = graded
            .Select((submission, index) => (Grade: Grade(assignment.Late, deadline, submission), Index: index))
            .OrderBy(c => c.Grade.Counted!.ReceivedAt)
            .ThenBy(c => c.Index)
            .Select(c => c.Grade)
            .ToList();
        var onTime = assignment.Counts is SubmissionCounting.BestOnTime or SubmissionCounting.LatestOnTime;
        if (onTime)
        {
            candidates = [.. candidates.Where(c => !c.Late)];
        }

        if (candidates.Count == 0)
        {
            return new RecordedGrade { Counted = null, Score = 0, Deadline = deadline };
        }

        return assignment.Counts is SubmissionCounting.Latest or SubmissionCounting.LatestOnTime
            ? candidates[^1]
            : candidates.Aggregate((best, next) => next.Score > best.Score ? next : best); // ties: the earlier
    }

    private static RecordedGrade Grade(LatePolicy policy, DateTimeOffset? deadline, GradedSubmission submission)
    {
        var days = LateDays(deadline, policy, submission.ReceivedAt);
        var percent = PenaltyPercent(policy, days);
        var raw = Math.Max(0, submission.Score);
        var penalty = raw * percent / 100;
        return new RecordedGrade
        {
            Counted = submission,
            LateDays = days,
            PenaltyPercent = percent,
            Penalty = penalty,
            Score = Math.Max(0, raw - penalty),
            Deadline = deadline,
        };
    }
}
