using System.Globalization;
using GitGrader.Core.Feedback;
using YamlDotNet.RepresentationModel;

namespace GitGrader.Core.Assignments;

/// <summary>Reads the <c>feedback:</c> mapping of <c>assignment.yml</c> into a <see cref="FeedbackLimit"/>.</summary>
internal static class FeedbackLimitReader
{
    /// <summary>
    /// Reads <paramref name="node"/>: <c>hidden_results_per_day</c> (required, 0 to <see cref="FeedbackLimit.MaxPerDay"/>),
    /// <c>resets_at</c> (<c>HH:mm</c>, default 00:00), <c>time_zone</c> (an IANA id; default the assignment's
    /// <c>timezone</c>, else UTC).
    /// </summary>
    public static FeedbackLimit Read(string filePath, YamlMappingNode node, IReadOnlyCollection<string> keys, TimeZoneInfo? assignmentZone)
    {
        var reader = new YamlMappingReader(filePath, node, "feedback", keys);
        var perDay = reader.OptionalInteger("hidden_results_per_day")
            ?? throw reader.Missing("hidden_results_per_day", "say how many results with hidden tests a student is shown per day, e.g. 3");
        if (perDay is < 0 or > FeedbackLimit.MaxPerDay)
        {
            throw reader.Error("hidden_results_per_day", $"must be from 0 to {FeedbackLimit.MaxPerDay} (0: only the visible tests are ever shown); leave 'feedback' out for no limit");
        }

        var resetsAt = TimeOnly.MinValue;
        if (reader.OptionalString("resets_at") is { } text
            && !TimeOnly.TryParseExact(text.Trim(), ["HH':'mm", "H':'mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out resetsAt))
        {
            throw reader.Error("resets_at", $"expected a time of day such as 00:00 or 06:30 (24-hour HH:mm) but found '{text}'");
        }

        var zone = assignmentZone ?? TimeZoneInfo.Utc;
        if (reader.OptionalString("time_zone") is { } id)
        {
            zone = FindZone(id.Trim()) ?? throw reader.Error("time_zone", UnknownZone(id.Trim()));
        }

        return new FeedbackLimit { HiddenResultsPerDay = perDay, ResetsAt = resetsAt, TimeZone = zone };
    }

    /// <summary>An IANA zone by id (Windows ids are refused so the file reads the same everywhere).</summary>
    public static TimeZoneInfo? FindZone(string id) =>
        id.Length > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && (zone.HasIanaId || id == "UTC") ? zone : null;

    /// <summary>The problem text for an unknown zone, with the closest known id when it looks like a typo.</summary>
    public static string UnknownZone(string id)
    {
        var closest = Suggestions.Closest(id, TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC"));
        return closest is null
            ? $"unknown time zone '{id}'; use an IANA id such as Europe/Berlin or America/New_York"
            : $"unknown time zone '{id}'; did you mean '{closest}'?";
    }
}
