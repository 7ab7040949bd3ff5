using System.Globalization;
using System.Text;
using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using GitGrader.Storage;

namespace GitGrader.Reporting;

/// <summary>
/// The grade book as CSV (RFC 4180): one row per assignment and student, roster students
/// without a submission included, for a spreadsheet or an LMS import.
/// </summary>
public static class GradeExportWriter
{
    /// <summary>The header row.</summary>
    public const string Header = "assignment,identifier,github_username,name,repository,best_score,latest_score,max_score,latest_sha,latest_received_at,late,attempts";

    /// <summary>Writes the rows of one assignment (no header).</summary>
    public static void AppendRows(StringBuilder csv, Assignment assignment, Roster roster, IReadOnlyList<StudentScore> scores)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(scores);
        var byStudent = scores.ToDictionary(s => s.Student, StringComparer.OrdinalIgnoreCase);
        var logins = roster.LoginsWith(scores.Select(s => s.Student));
        foreach (var login in logins)
        {
            var entry = roster.Find(login);
            var score = byStudent.GetValueOrDefault(login);
            var late = assignment.Deadline is { } deadline && score is not null && score.LatestReceivedAt > deadline;
            AppendRow(csv, [
                assignment.Slug,
                entry?.Identifier ?? string.Empty,
                login,
                entry?.Name ?? string.Empty,
                score?.Repository ?? string.Empty,
                Number(score?.BestScore),
                Number(score?.LatestScore),
                Number(score?.MaxScore ?? assignment.MaxScore),
                score?.LatestSha ?? string.Empty,
                score?.LatestReceivedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? string.Empty,
                late ? "true" : "false",
                (score?.Attempts ?? 0).ToString(CultureInfo.InvariantCulture),
            ]);
        }

        foreach (var entry in roster.Entries.Where(e => e.GitHubUsername.Length == 0))
        {
            AppendRow(csv, [assignment.Slug, entry.Identifier, string.Empty, entry.Name ?? string.Empty, string.Empty, string.Empty, string.Empty, Number(assignment.MaxScore), string.Empty, string.Empty, "false", "0"]);
        }
    }

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;

    private static void AppendRow(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Quote(fields[i]));
        }

        csv.Append("\r\n");
    }

    private static string Quote(string field)
    {
        // A leading =, +, - or @ would be a formula in a spreadsheet: quote and prefix with '.
        var guarded = field.Length > 0 && field[0] is '=' or '+' or '-' or '@' ? "'" + field : field;
        return guarded.IndexOfAny([',', '"', '\r', '\n']) >= 0 || !ReferenceEquals(guarded, field)
            ? "\"" + guarded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : guarded;
    }
}
