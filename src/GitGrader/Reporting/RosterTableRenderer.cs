using System.Globalization;
using System.Text;
using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grades;
using GitGrader.Core.Reports;
using GitGrader.Storage;

namespace GitGrader.Reporting;

/// <summary>
/// The body of an assignment's summary issue: one row per student on the roster (with or without
/// a submission) and per submitter not on it, sorted by login; within GitHub's 65,536-character
/// issue body limit however large the course.
/// </summary>
public sealed class RosterTableRenderer
{
    /// <summary>GitHub's limit on an issue body.</summary>
    public const int MaxLength = 65_536;

    private const int Reserve = 600;

    /// <summary>The issue title.</summary>
    public static string Title(Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return $"GitGrader: {assignment.Name} ({assignment.Slug})";
    }

    /// <summary>The hidden first line that finds the issue again.</summary>
    public static string Marker(string assignment) => $"<!-- gitgrader:summary:{assignment} -->";

    /// <summary>Renders the issue body; <paramref name="deadlines"/> gives each student's deadline (none: the assignment's).</summary>
    public string Render(Assignment assignment, Roster roster, IReadOnlyList<StudentScore> scores, Uri gitBaseUrl, DateTimeOffset now, StudentDeadlines? deadlines = null)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        deadlines ??= StudentDeadlines.None;
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(scores);
        var byStudent = scores.ToDictionary(s => s.Student, StringComparer.OrdinalIgnoreCase);
        var logins = roster.LoginsWith(scores.Select(s => s.Student));
        var unlinked = roster.Entries.Where(e => e.GitHubUsername.Length == 0).ToList();

        var sb = new StringBuilder();
        sb.Append(Marker(assignment.Slug)).Append('\n');
        sb.Append("## ").Append(MarkdownText.Inline(assignment.Name)).Append('\n').Append('\n');
        var submitted = logins.Count(byStudent.ContainsKey);
        sb.Append(CultureInfo.InvariantCulture, $"{submitted} of {logins.Count + unlinked.Count} students have submitted; max {Points(assignment.MaxScore)} points.");
        if (assignment.Deadline is { } deadline)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Deadline {Time(deadline)}");
            var extended = deadlines.ExtensionsOf(assignment).Count;
            sb.Append(extended == 0 ? "." : string.Create(CultureInfo.InvariantCulture, $" ({extended} with an extension)."));
        }

        sb.Append(' ').Append(GradingPolicyText.Describe(assignment)).Append(" Score is the recorded score, Raw what that submission scored before any penalty.");

        sb.Append(CultureInfo.InvariantCulture, $" Updated {Time(now)}; times are when GitGrader received the push (for one marked recovered, which GitHub could not deliver at first, the time GitHub recorded for it).\n\n");
        sb.Append("| Student | Name | Repository | Score | Raw | Best | Latest | Commit | Received | Late | Attempts |\n");
        sb.Append("|---|---|---|---:|---:|---:|---:|---|---|---|---:|\n");

        var shown = 0;
        foreach (var login in logins)
        {
            var score = byStudent.GetValueOrDefault(login);
            var row = Row(login, roster.Find(login), score, StudentStanding.Of(assignment, login, score, deadlines), gitBaseUrl);
            if (sb.Length + row.Length > MaxLength - Reserve)
            {
                break;
            }

            sb.Append(row);
            shown++;
        }

        if (shown < logins.Count)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n{logins.Count - shown} more students do not fit in an issue; run `gitgrader export` for the whole table.\n");
        }

        if (unlinked.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n{unlinked.Count} roster entries have no GitHub account linked yet");
            var names = string.Join(", ", unlinked.Take(20).Select(e => MarkdownText.Inline(e.Identifier)));
            sb.Append(": ").Append(names).Append(unlinked.Count > 20 ? ", …" : string.Empty).Append(".\n");
        }

        if (sb.Length > MaxLength)
        {
            sb.Length = MaxLength;
        }

        return sb.ToString();
    }

    private static string Row(string login, RosterEntry? entry, StudentScore? score, StudentStanding standing, Uri gitBaseUrl)
    {
        var name = entry?.Name is { } n ? MarkdownText.Inline(n) : entry is null ? "*not on roster*" : string.Empty;
        var student = $"`{login}`";
        var late = string.Join("; ", new[] { standing.LateText(), standing.Extended ? $"extended to {Time(standing.Deadline!.Value)}" : string.Empty }.Where(t => t.Length > 0));
        if (score is null)
        {
            return $"| {student} | {name} | — | — | — | — | — | — | — | {late} | 0 |\n";
        }

        var repository = $"[{MarkdownText.Inline(score.Repository)}]({new Uri(gitBaseUrl, score.Repository).AbsoluteUri})";
        var (recorded, raw) = standing.Grade switch
        {
            null => ("pending", "pending"),
            { Counted: null } => (Score(0, score.MaxScore), "none on time"),
            { } grade => (Score(grade.Score, grade.Counted.MaxScore), Score(grade.RawScore, grade.Counted.MaxScore)),
        };
        return $"| {student} | {name} | {repository} | {recorded} | {raw} | {Score(score.BestScore, score.MaxScore)} | {Score(score.LatestScore, score.MaxScore)} | `{score.LatestSha[..Math.Min(7, score.LatestSha.Length)]}` | {Time(score.LatestReceivedAt)}{(score.LatestRecovered ? " (recovered)" : string.Empty)} | {late} | {score.Attempts} |\n";
    }

    private static string Score(double? score, double? max) =>
        score is { } s ? $"{Points(s)}/{Points(max ?? 0)}" : "pending";

    private static string Points(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
