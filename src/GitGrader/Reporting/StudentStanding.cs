using System.Globalization;
using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grades;
using GitGrader.Storage;

namespace GitGrader.Reporting;

/// <summary>
/// A student's standing on an assignment as the summary issue and the export show it: the recorded
/// grade (late policy and <c>counts:</c> against the student's own deadline), and whether the latest
/// submission is late.
/// </summary>
internal sealed record StudentStanding
{
    /// <summary>The recorded grade; null while nothing is graded.</summary>
    public RecordedGrade? Grade { get; init; }

    /// <summary>The deadline used for the student; null when the assignment has none.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The student has an extension: <see cref="Deadline"/> is theirs.</summary>
    public bool Extended { get; init; }

    /// <summary>The latest submission arrived after the student's deadline plus grace.</summary>
    public bool LatestLate { get; init; }

    /// <summary>The standing of <paramref name="login"/>, from their submissions (none when <paramref name="score"/> is null).</summary>
    public static StudentStanding Of(Assignment assignment, string login, StudentScore? score, StudentDeadlines deadlines)
    {
        var deadline = deadlines.DeadlineFor(assignment, login);
        var graded = score is null
            ? []
            : score.Submissions
                .Where(s => s.Score is not null)
                .Select(s => new GradedSubmission(s.Sha, s.ReceivedAt, s.Score!.Value, s.MaxScore ?? 0))
                .ToList();
        return new StudentStanding
        {
            Grade = RecordedGradePolicy.Decide(assignment, deadline, graded),
            Deadline = deadline,
            Extended = deadline != assignment.Deadline,
            LatestLate = score is not null && RecordedGradePolicy.IsLate(deadline, assignment.Late, score.LatestReceivedAt),
        };
    }

    /// <summary>How the counted submission's lateness reads: <c>2 days late, −20%</c>; empty when on time.</summary>
    public string LateText()
    {
        if (Grade is { Late: true } grade)
        {
            var days = grade.LateDays == 1 ? "1 day" : $"{grade.LateDays.ToString(CultureInfo.InvariantCulture)} days";
            return grade.PenaltyPercent > 0 ? $"{days} late, −{Percent(grade.PenaltyPercent)}" : $"{days} late";
        }

        return LatestLate ? "latest late, not counted" : string.Empty;
    }

    /// <summary>A percentage as the policy is written: <c>12.5%</c>.</summary>
    public static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
