using System.Globalization;

namespace GitGrader.Classroom;

/// <summary>
/// <c>classroom-points.csv</c> in an assignment's folder, written by <c>gitgrader import-classroom</c>: the header
/// <c>github_username,points,available,submitted_at,repository</c>, then one row per student (points and time may be
/// empty; times ISO 8601 in UTC). Errors name the file and line.
/// </summary>
public static class ClassroomPointsCsv
{
    /// <summary>The file's name in an assignment folder.</summary>
    public const string FileName = "classroom-points.csv";

    private static readonly string[] Header = ["github_username", "points", "available", "submitted_at", "repository"];

    /// <summary>The file's text for <paramref name="points"/>, in login order (the same text for the same points).</summary>
    public static string Write(IEnumerable<ClassroomPoints> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var rows = points.OrderBy(p => p.Login, StringComparer.OrdinalIgnoreCase).Select(p => CsvText.Row(
            p.Login,
            Number(p.Points),
            Number(p.Available),
            p.SubmittedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty,
            p.Repository));
        return CsvText.Row(Header) + string.Concat(rows);
    }

    /// <summary>Parses the file's text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ConfigurationException">A wrong header, a row of the wrong width, a login, number or time that does not parse, or a login twice.</exception>
    public static IReadOnlyList<ClassroomPoints> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = CsvText.ParseRows(text.TrimStart('\uFEFF'), source).Where(r => !r.Fields.All(string.IsNullOrWhiteSpace)).ToList();
        if (rows.Count == 0 || !rows[0].Fields.Select(f => f.Trim()).SequenceEqual(Header, StringComparer.OrdinalIgnoreCase))
        {
            throw new ConfigurationException($"{source}:1: expected the header '{string.Join(',', Header)}' (the file gitgrader import-classroom writes).");
        }

        var result = new List<ClassroomPoints>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Skip(1))
        {
            if (row.Fields.Count != Header.Length)
            {
                throw new ConfigurationException($"{source}:{row.Line}: {row.Fields.Count} fields, but the header has {Header.Length}.");
            }

            var login = row.Fields[0].Trim();
            if (!GitHubLogin.IsValid(login))
            {
                throw new ConfigurationException($"{source}:{row.Line}: github_username '{login}' is not a GitHub login.");
            }

            if (!seen.TryAdd(login, row.Line))
            {
                throw new ConfigurationException($"{source}:{row.Line}: github_username '{login}' is already on line {seen[login]}.");
            }

            DateTimeOffset? submitted = null;
            if (row.Fields[3].Trim() is { Length: > 0 } time)
            {
                submitted = DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at.ToUniversalTime()
                    : throw new ConfigurationException($"{source}:{row.Line}: submitted_at '{time}' is not a date and time (ISO 8601, e.g. 2026-10-01T12:00:00Z).");
            }

            result.Add(new ClassroomPoints(login, ParseNumber(row.Fields[1], "points", source, row.Line), ParseNumber(row.Fields[2], "available", source, row.Line), submitted, row.Fields[4].Trim()));
        }

        return result;
    }

    private static double? ParseNumber(string text, string column, string source, int line)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0
            ? value
            : throw new ConfigurationException($"{source}:{line}: {column} '{trimmed}' is not a number of points.");
    }

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;
}
