namespace GitGrader.Core.Assignments;

/// <summary>
/// Reads a date and time the way an assignment's <c>deadline</c> is read (ISO 8601 with an offset,
/// or a local time in the assignment's <c>timezone</c>), for other places that name a deadline,
/// such as a student's extension.
/// </summary>
public static class DeadlineText
{
    /// <summary>How a deadline is written, for error messages.</summary>
    public const string Examples = DeadlineParser.Examples;

    /// <summary>
    /// Parses <paramref name="text"/>; a local time is read in <paramref name="timeZone"/> (the assignment's
    /// <see cref="Assignment.TimeZone"/>). On failure <paramref name="problem"/> says why, without the key or file.
    /// </summary>
    public static bool TryParse(string text, TimeZoneInfo? timeZone, out DateTimeOffset value, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = DeadlineParser.Parse(text, timeZone, out value) switch
        {
            DeadlineParseOutcome.Parsed => string.Empty,
            DeadlineParseOutcome.NeedsTimeZone =>
                $"'{text}' has no UTC offset and the assignment has no 'timezone'; add an offset (e.g. 2026-12-15T23:59:00-05:00) or set the assignment's 'timezone'",
            DeadlineParseOutcome.SkippedByTimeZone => $"'{text}' does not exist in {timeZone!.Id} (the clocks skip it)",
            _ => $"expected a date and time such as {Examples} but found '{text}'",
        };
        return problem.Length == 0;
    }
}
