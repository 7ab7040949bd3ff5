namespace GitGrader.Core.Feedback;

/// <summary>
/// An assignment's daily limit on hidden-test feedback (<c>feedback:</c> in <c>assignment.yml</c>),
/// after autograder.io's daily submission limit: so many results a day, the day starting at
/// <see cref="ResetsAt"/> on the clock of <see cref="TimeZone"/>. Every push is still graded and
/// recorded; only what the student is shown changes.
/// </summary>
public sealed record FeedbackLimit
{
    /// <summary>The most results per day a limit (or an override) may give; beyond that, leave the limit out.</summary>
    public const int MaxPerDay = 1_000;

    /// <summary>How many results with hidden tests a student is shown per day (0: none, only visible tests).</summary>
    public required int HiddenResultsPerDay { get; init; }

    /// <summary>Local time of day at which the count starts again.</summary>
    public TimeOnly ResetsAt { get; init; } = TimeOnly.MinValue;

    /// <summary>The zone whose clock <see cref="ResetsAt"/> is read on (an IANA id).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
}
