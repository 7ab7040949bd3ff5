using System.Globalization;
using System.Text.RegularExpressions;

namespace GitGrader.Core.Assignments;

/// <summary>Durations such as <c>500ms</c>, <c>10s</c>, <c>2m</c>, <c>1h</c>, <c>1m30s</c>, or a bare number of seconds.</summary>
internal static partial class DurationParser
{
    /// <summary>How a duration is written, for error messages.</summary>
    public const string Examples = "500ms, 10s, 2m or 1m30s (a bare number is seconds)";

    /// <summary>Parses <paramref name="text"/>; values past <see cref="TimeSpan.MaxValue"/> clamp to it.</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return TryFromMilliseconds(seconds * 1000, out value);
        }

        var match = DurationPattern().Match(trimmed);
        if (!match.Success)
        {
            return false;
        }

        var amounts = match.Groups["amount"].Captures;
        var units = match.Groups["unit"].Captures;
        var milliseconds = 0.0;
        var previousRank = int.MaxValue;
        for (var i = 0; i < amounts.Count; i++)
        {
            var (rank, scale) = units[i].Value.ToUpperInvariant() switch
            {
                "H" => (4, 3_600_000.0),
                "M" => (3, 60_000.0),
                "S" => (2, 1_000.0),
                _ => (1, 1.0),
            };

            // Each unit once, largest first: "1m30s", not "30s1m" or "1m1m".
            if (rank >= previousRank)
            {
                return false;
            }

            previousRank = rank;
            milliseconds += double.Parse(amounts[i].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * scale;
        }

        return TryFromMilliseconds(milliseconds, out value);
    }

    private static bool TryFromMilliseconds(double milliseconds, out TimeSpan value)
    {
        if (!double.IsFinite(milliseconds) || milliseconds < 0)
        {
            value = default;
            return false;
        }

        value = milliseconds >= TimeSpan.MaxValue.TotalMilliseconds ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }

    [GeneratedRegex(@"^(?:(?<amount>\d+(?:\.\d+)?)(?<unit>ms|h|m|s))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
