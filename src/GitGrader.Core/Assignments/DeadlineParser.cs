using System.Globalization;
using System.Text.RegularExpressions;

namespace GitGrader.Core.Assignments;

/// <summary>Deadlines: ISO 8601 with an offset, or a local date and time read in a named time zone.</summary>
internal static partial class DeadlineParser
{
    /// <summary>How a deadline is written, for error messages.</summary>
    public const string Examples = "2026-12-15T23:59:00-05:00, or 2026-12-15 23:59 together with 'timezone'";

    /// <summary>
    /// Parses <paramref name="text"/>. A time with an offset keeps it (<paramref name="timeZone"/> is not used);
    /// a local time is read in <paramref name="timeZone"/>; of a time that occurs twice (clocks going back), the later is taken.
    /// </summary>
    public static DeadlineParseOutcome Parse(string text, TimeZoneInfo? timeZone, out DateTimeOffset deadline)
    {
        deadline = default;
        var trimmed = text.Trim();
        var match = DeadlinePattern().Match(trimmed);
        if (!match.Success)
        {
            return DeadlineParseOutcome.Malformed;
        }

        if (match.Groups["offset"].Success)
        {
            return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out deadline)
                ? DeadlineParseOutcome.Parsed
                : DeadlineParseOutcome.Malformed;
        }

        if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return DeadlineParseOutcome.Malformed;
        }

        if (timeZone is null)
        {
            return DeadlineParseOutcome.NeedsTimeZone;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (timeZone.IsInvalidTime(local))
        {
            return DeadlineParseOutcome.SkippedByTimeZone;
        }

        var offset = timeZone.IsAmbiguousTime(local) ? timeZone.GetAmbiguousTimeOffsets(local).Min() : timeZone.GetUtcOffset(local);
        deadline = new DateTimeOffset(local, offset);
        return DeadlineParseOutcome.Parsed;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?<offset>Z|[+-]\d{2}(?::?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DeadlinePattern();
}
