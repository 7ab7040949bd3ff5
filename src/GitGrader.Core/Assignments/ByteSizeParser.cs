using System.Globalization;
using System.Text.RegularExpressions;

namespace GitGrader.Core.Assignments;

/// <summary>Byte sizes such as <c>64k</c>, <c>256m</c>, <c>1g</c> (binary multiples; <c>kb</c>/<c>KiB</c> etc. too), or a bare number of bytes.</summary>
internal static partial class ByteSizeParser
{
    /// <summary>How a size is written, for error messages.</summary>
    public const string Examples = "64k, 256m or 1g (a bare number is bytes)";

    /// <summary>Parses <paramref name="text"/>; false for anything malformed or past <see cref="long.MaxValue"/>.</summary>
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var match = SizePattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        decimal multiplier = match.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "" or "B" => 1m,
            "K" or "KB" or "KIB" => 1024m,
            "M" or "MB" or "MIB" => 1024m * 1024,
            "G" or "GB" or "GIB" => 1024m * 1024 * 1024,
            "T" or "TB" or "TIB" => 1024m * 1024 * 1024 * 1024,
            _ => 0m,
        };

        if (multiplier == 0m
            || !decimal.TryParse(match.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount > long.MaxValue / multiplier)
        {
            return false;
        }

        var total = amount * multiplier;
        if (total != decimal.Truncate(total))
        {
            return false;
        }

        bytes = (long)total;
        return true;
    }

    /// <summary>A short human form: <c>6m</c>, <c>1k</c>, <c>100</c> bytes.</summary>
    public static string Format(long bytes) => bytes switch
    {
        _ when bytes >= 1L << 30 && bytes % (1L << 30) == 0 => $"{bytes >> 30}g",
        _ when bytes >= 1L << 20 && bytes % (1L << 20) == 0 => $"{bytes >> 20}m",
        _ when bytes >= 1L << 10 && bytes % (1L << 10) == 0 => $"{bytes >> 10}k",
        _ => bytes.ToString(CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^(?<amount>\d+(?:\.\d+)?)\s*(?<unit>[a-z]*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();
}
