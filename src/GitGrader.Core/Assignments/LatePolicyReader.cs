using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace GitGrader.Core.Assignments;

/// <summary>Reads the <c>late:</c> mapping of <c>assignment.yml</c> into a <see cref="LatePolicy"/>.</summary>
internal static class LatePolicyReader
{
    /// <summary>The keys of <c>late:</c>.</summary>
    public static readonly string[] Keys = ["grace", "penalty_per_day", "max_penalty"];

    /// <summary>
    /// Reads <paramref name="node"/>: <c>grace</c> (a duration, default 0), <c>penalty_per_day</c>
    /// (a percentage, default 0%), <c>max_penalty</c> (a percentage, default 100%), all optional.
    /// </summary>
    public static LatePolicy Read(string filePath, YamlMappingNode node)
    {
        var reader = new YamlMappingReader(filePath, node, "late", Keys);
        var grace = reader.OptionalDuration("grace") ?? TimeSpan.Zero;
        if (grace > TimeSpan.FromDays(366))
        {
            throw reader.Error("grace", "must be at most a year (e.g. 15m, 2h or 48h)");
        }

        var perDay = Percentage(reader, "penalty_per_day") ?? 0;
        var max = Percentage(reader, "max_penalty") ?? 100;
        return new LatePolicy { Grace = grace, PenaltyPerDay = perDay, MaxPenalty = max };
    }

    private static double? Percentage(YamlMappingReader reader, string key)
    {
        if (!reader.TryGetNode(key, out var node))
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text })
        {
            throw reader.WrongType(key, "a percentage such as 10%", node);
        }

        var trimmed = text.Trim();
        if (!trimmed.EndsWith('%'))
        {
            throw reader.Error(key, $"expected a percentage of the points scored, such as 10%, but found '{trimmed}' (write the % sign)");
        }

        if (!double.TryParse(trimmed[..^1].TrimEnd(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw reader.Error(key, $"expected a percentage such as 10% but found '{trimmed}'");
        }

        return value > 100 ? throw reader.Error(key, $"must be from 0% to 100% but is {trimmed}") : value;
    }
}
