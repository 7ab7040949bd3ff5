using System.Globalization;
using System.Text;
using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using GitGrader.Storage;

namespace GitGrader.Reporting;

/// <summary>
/// The grade book as CSV (RFC 4180): one row per assignment and student, roster students
/// without a submission included, for a spreadsheet or an LMS import. <c>score</c> is the recorded
/// score (late policy and <c>counts:</c> against the student's own deadline), <c>raw_score</c> what
/// the counted submission scored before the penalty; <c>late</c> says whether the latest submission
/// arrived after the student's deadline (plus grace).
/// </summary>
public static class GradeExportWriter
{
    /// <summary>The header row.</summary>
    public const string Header = "assignment,identifier,github_username,name,repository,best_score,latest_score,max_score,latest_sha,latest_received_at,late,attempts,score,raw_score,penalty,late_days,counted_sha,deadline,extended";

    /// <summary>Writes the rows of one assignment (no header).</summary>
    public static void AppendRows(StringBuilder csv, Assignment assignment, Roster roster, IReadOnlyList<StudentScore> scores, StudentDeadlines? deadlines = null)
    {
        deadlines ??= StudentDeadlines.None;
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
            var standing = StudentStanding.Of(assignment, login, score, deadlines);
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
                Time(score?.LatestReceivedAt),
                standing.LatestLate ? "true" : "false",
                (score?.Attempts ?? 0).ToString(CultureInfo.InvariantCulture),
                Number(standing.Grade?.Score),
                Number(standing.Grade?.RawScore),
                Number(standing.Grade?.Penalty),
                standing.Grade is null ? string.Empty : standing.Grade.LateDays.ToString(CultureInfo.InvariantCulture),
                standing.Grade?.Counted?.Sha ?? string.Empty,
                Time(standing.Deadline),
                standing.Extended ? "true" : "false",
            ]);
        }

        foreach (var entry in roster.Entries.Where(e => e.GitHubUsername.Length == 0))
        {
            AppendRow(csv, [assignment.Slug, entry.Identifier, string.Empty, entry.Name ?? string.Empty, string.Empty, string.Empty, string.Empty, Number(assignment.MaxScore), string.Empty, string.Empty, "false", "0",
                string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, Time(assignment.Deadline), "false"]);
        }
    }

    private static string Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? string.Empty;

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
