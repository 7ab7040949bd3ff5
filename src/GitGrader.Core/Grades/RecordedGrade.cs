namespace GitGrader.Core.Grades;

/// <summary>A student's recorded grade on an assignment: which submission counts, its raw score, the late penalty taken, and what remains.</summary>
public sealed record RecordedGrade
{
    /// <summary>The submission that counts; null when none does (<c>best_on_time</c> or <c>latest_on_time</c> and every graded submission late).</summary>
    public GradedSubmission? Counted { get; init; }

    /// <summary>The counted submission's raw score (null when none counts).</summary>
    public double? RawScore => Counted?.Score;

    /// <summary>Days late of the counted submission: each started 24 hours after the student's deadline plus grace (0 when on time).</summary>
    public int LateDays { get; init; }

    /// <summary>Percent of the raw score taken (0 to 100).</summary>
    public double PenaltyPercent { get; init; }

    /// <summary>Points taken from the raw score.</summary>
    public double Penalty { get; init; }

    /// <summary>The score that counts: the raw score less the penalty (never below 0); 0 when no submission counts.</summary>
    public required double Score { get; init; }

    /// <summary>The deadline used for the student (their extension's, else the assignment's); null when there is none.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Whether the counted submission arrived after the deadline plus grace.</summary>
    public bool Late => LateDays > 0;
}
