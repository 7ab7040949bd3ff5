namespace GitGrader.Core.Assignments;

/// <summary>
/// An assignment's <c>late:</c> policy: a submission received more than <see cref="Grace"/> after
/// the student's deadline is late, and loses <see cref="PenaltyPerDay"/> percent of the points it
/// scored for each started 24 hours after deadline + grace, at most <see cref="MaxPenalty"/> percent.
/// </summary>
public sealed record LatePolicy
{
    /// <summary>No grace and no penalty: late is only a flag.</summary>
    public static LatePolicy None { get; } = new();

    /// <summary>How long after the deadline a submission still counts as on time.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.Zero;

    /// <summary>Percent (0 to 100) of the points scored taken per started day late.</summary>
    public double PenaltyPerDay { get; init; }

    /// <summary>The most taken in all, in percent (0 to 100).</summary>
    public double MaxPenalty { get; init; } = 100;
}
