using System.Globalization;

namespace GitGrader.Core.Feedback;

/// <summary>What a student is shown of one graded commit under a feedback limit, and why.</summary>
public sealed record FeedbackDecision
{
    /// <summary>No limit applies: everything is shown and nothing is said about limits.</summary>
    public static FeedbackDecision Unlimited { get; } = new() { HiddenShown = true };

    /// <summary>Whether the hidden tests' results are shown.</summary>
    public required bool HiddenShown { get; init; }

    /// <summary>The limit; null when unlimited.</summary>
    public FeedbackLimit? Limit { get; init; }

    /// <summary>The student's results per day (the assignment's, or an override).</summary>
    public int PerDay { get; init; }

    /// <summary>Hidden results used in the current day, this commit's included.</summary>
    public int Used { get; init; }

    /// <summary>The day the count belongs to.</summary>
    public FeedbackWindow Window { get; init; }

    /// <summary>The commit had used one already (a re-run or a redelivery): shown again at no cost.</summary>
    public bool AlreadyCounted { get; init; }

    /// <summary>Whether showing the commit would have used one (see <see cref="FeedbackAllowance.UsesHiddenResult"/>).</summary>
    public bool Counts { get; init; } = true;

    /// <summary>One line for the student, or null when unlimited; <paramref name="now"/> gives the "in 4 h 12 min".</summary>
    public string? Describe(DateTimeOffset now)
    {
        if (Limit is null)
        {
            return null;
        }

        var comeBack = $"{Limit.ResetsAt.ToString("HH':'mm", CultureInfo.InvariantCulture)} {Limit.TimeZone.Id} (in {Until(now, Window.End)})";
        var used = string.Create(CultureInfo.InvariantCulture, $"{Used} of {PerDay} results used today");
        if (!HiddenShown && PerDay == 0)
        {
            return "Hidden tests: their results are not shown for this assignment; only the visible tests are. This commit was graded in full and recorded for course staff.";
        }

        if (!HiddenShown && Used < PerDay)
        {
            // Withheld on an earlier day (shown again now, e.g. for a pull request opened later): results are available again.
            return $"Hidden tests: this commit was graded when that day's results were used up; {used}, so a new push or a Re-run of this check shows them.";
        }

        if (!HiddenShown)
        {
            return $"Hidden tests: {used}; they come back at {comeBack}. This commit was graded in full and recorded for course staff; only the visible tests are shown here.";
        }

        if (AlreadyCounted)
        {
            return $"Hidden tests: this commit's result was counted when it was first graded ({used}; the count starts again at {comeBack}).";
        }

        return Counts
            ? $"Hidden tests: {used}, this one included; the count starts again at {comeBack}."
            : $"Hidden tests: this result used none of today's {PerDay} ({used}; the count starts again at {comeBack}).";
    }

    /// <summary>"4 h 12 min", rounded up to the minute, from <paramref name="now"/> to <paramref name="end"/>.</summary>
    public static string Until(DateTimeOffset now, DateTimeOffset end)
    {
        var minutes = Math.Max(0, (long)Math.Ceiling((end - now).TotalMinutes));
        var hours = minutes / 60;
        var rest = minutes % 60;
        return hours > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours} h {rest} min")
            : string.Create(CultureInfo.InvariantCulture, $"{rest} min");
    }
}
