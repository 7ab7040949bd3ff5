using System.Globalization;

namespace GitGrader.Classroom.Import;

/// <summary>
/// Reads the <c>grades.csv</c> that <c>gh classroom assignment-grades</c> writes (RFC 4180): the header
/// <c>assignment_name,assignment_url,starter_code_url,github_username,roster_identifier,student_repository_name,
/// student_repository_url,submission_timestamp,points_awarded,points_available</c>, plus <c>group_name</c> when the
/// first row has a group; then one row per student. Columns are found by name; other columns are ignored.
/// </summary>
internal static class GradesCsvReader
{
    private static readonly string[] TimestampFormats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss 'UTC'", "yyyy-MM-dd HH:mm 'UTC'"];

    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names it in errors and in <paramref name="warnings"/>.</summary>
    /// <exception cref="ClassroomExportException">Bad quoting, a missing column, a row of the wrong width, a login or a number that does not parse (file:line).</exception>
    public static IReadOnlyList<GradesCsvRow> Parse(string text, string source, ICollection<string> warnings)
    {
        List<CsvRow> rows;
        try
        {
            rows = CsvText.ParseRows(text.TrimStart('\uFEFF'), source);
        }
        catch (ConfigurationException ex)
        {
            throw new ClassroomExportException(ex.Message, ex);
        }

        rows.RemoveAll(r => r.Fields.All(string.IsNullOrWhiteSpace));
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name, bool required = false) =>
            header.IndexOf(name) is var index && (index >= 0 || !required)
                ? index
                : throw new ClassroomExportException($"{source}:1: no '{name}' column; gh classroom's grades.csv has github_username, roster_identifier, student_repository_name, submission_timestamp, points_awarded, points_available (found '{string.Join(',', header)}').");

        var login = Column("github_username", required: true);
        var awarded = Column("points_awarded", required: true);
        var available = Column("points_available", required: true);
        var identifier = Column("roster_identifier");
        var repositoryName = Column("student_repository_name");
        var repositoryUrl = Column("student_repository_url");
        var timestamp = Column("submission_timestamp");
        var group = Column("group_name");
        var starter = Column("starter_code_url");

        var result = new List<GradesCsvRow>();
        foreach (var row in rows.Skip(1))
        {
            var fields = row.Fields;

            // gh classroom writes group_name in the header only when the first row has a group; a later row may still have one.
            if (fields.Count == header.Count + 1 && group < 0)
            {
                group = header.Count;
            }

            if (fields.Count != header.Count && !(fields.Count == header.Count + 1 && group == header.Count))
            {
                throw new ClassroomExportException($"{source}:{row.Line}: {fields.Count} fields, but the header has {header.Count}.");
            }

            string Cell(int index) => index >= 0 && index < fields.Count ? fields[index].Trim() : string.Empty;
            var student = Cell(login);
            if (student.Length > 0 && !GitHubLogin.IsValid(student))
            {
                throw new ClassroomExportException($"{source}:{row.Line}: github_username '{student}' is not a GitHub login (letters, digits and single hyphens, at most 39).");
            }

            result.Add(new GradesCsvRow(
                row.Line,
                student,
                Cell(identifier),
                Cell(repositoryName),
                Cell(repositoryUrl),
                Timestamp(Cell(timestamp), $"{source}:{row.Line}", warnings),
                Points(Cell(awarded), "points_awarded", $"{source}:{row.Line}"),
                Points(Cell(available), "points_available", $"{source}:{row.Line}"),
                Cell(group),
                Cell(starter)));
        }

        return result;
    }

    private static double? Points(string text, string column, string where)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var points) && double.IsFinite(points) && points >= 0
            ? points
            : throw new ClassroomExportException($"{where}: {column} '{text}' is not a number of points.");
    }

    private static DateTimeOffset? Timestamp(string text, string where, ICollection<string> warnings)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc))
        {
            return utc;
        }

        warnings.Add($"{where}: submission_timestamp '{text}' is not a date and time; the student's Classroom points are kept without it.");
        return null;
    }
}
