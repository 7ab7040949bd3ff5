using GitGrader.Classroom;
using System.Globalization;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grades;
using GitGrader.Hosting;
using Microsoft.Extensions.Configuration;

namespace GitGrader.Cli;

/// <summary>
/// The extensions <c>validate</c> checks for one assignment folder: its <c>extensions.csv</c>, and with
/// <c>--config</c> also the course's <c>Classroom:Extensions</c> for its slug, against the course's roster.
/// </summary>
internal static class ValidationDeadlines
{
    /// <summary>Reads and checks them; a bad entry throws, a login not on the roster is a warning.</summary>
    /// <exception cref="ConfigurationException">An extension that is wrong, each problem naming its file and line or key.</exception>
    public static async Task<StudentDeadlines> LoadAsync(Assignment assignment, FileInfo? config, CancellationToken cancellationToken)
    {
        var roster = Roster.Empty;
        IList<ExtensionOptions> configured = [];
        if (config is not null)
        {
            var configuration = new ConfigurationManager();
            GitGraderConfiguration.AddSources(configuration, new HostSettings(config, null, null, false));
            var classroom = configuration.GetSection(ClassroomOptions.ConfigurationKey).Get<ClassroomOptions>() ?? new ClassroomOptions();
            if (!string.IsNullOrWhiteSpace(classroom.RosterCsv))
            {
                roster = await RosterCsvReader.ReadAsync(classroom.RosterCsv, cancellationToken).ConfigureAwait(false);
            }

            configured = classroom.Extensions;
        }

        var problems = new List<string>();
        var fromFile = await ExtensionsCsvReader.ReadAsync(assignment, problems, cancellationToken).ConfigureAwait(false);
        var catalog = new AssignmentCatalog("validate", [assignment]);
        var deadlines = StudentDeadlines.Create(catalog, roster, fromFile, configured, problems, onlyCatalog: true);
        return problems.Count > 0 ? throw new ConfigurationException(string.Join(Environment.NewLine, problems)) : deadlines;
    }

    /// <summary>What <c>validate</c> prints about deadlines: the deadline, the effective policy, the extensions, then each warning (<c>true</c>).</summary>
    public static IReadOnlyList<(bool Warning, string Text)> Describe(Assignment assignment, StudentDeadlines deadlines, bool rosterChecked)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(deadlines);
        var lines = new List<(bool, string)>();
        if (assignment.Deadline is { } deadline)
        {
            lines.Add((false, $"deadline: {Show(deadline)}{(assignment.TimeZone is { } zone ? $" ({zone.Id})" : string.Empty)}"));
        }

        lines.Add((false, $"grading: {GradingPolicyText.Describe(assignment)}"));
        var extensions = deadlines.ExtensionsOf(assignment);
        if (extensions.Count > 0)
        {
            var shown = string.Join(", ", extensions.Take(10).Select(e => $"{e.Login} until {Show(e.Until)}"));
            lines.Add((false, $"extensions: {extensions.Count.ToString(CultureInfo.InvariantCulture)} ({shown}{(extensions.Count > 10 ? ", …" : string.Empty)})"
                + (rosterChecked ? string.Empty : "; give --config to check the logins against the course's roster and Classroom:Extensions")));
        }

        lines.AddRange(deadlines.Warnings.Select(w => (true, w)));
        return lines;
    }

    private static string Show(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
