using System.Globalization;

namespace GitGrader.Core.Feedback;

/// <summary>One "day" of a <see cref="FeedbackLimit"/>: from a reset (inclusive) to the next (exclusive), both UTC.</summary>
/// <param name="Start">The reset that opened the day.</param>
/// <param name="End">The next reset: when the hidden results come back.</param>
public readonly record struct FeedbackWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The window's key in the store: its start, as ISO 8601 UTC text.</summary>
    public string Key => Start.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="instant"/> falls in the window.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
