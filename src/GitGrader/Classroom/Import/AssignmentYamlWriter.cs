using System.Globalization;
using System.Text;
using GitGrader.Core.Assignments;

namespace GitGrader.Classroom.Import;

/// <summary>
/// The <c>assignment.yml</c> of an imported assignment: its name, deadline (UTC, as Classroom kept it), starter
/// repository as <c>template</c>, and a TODO saying where its tests come from; the same text for the same export.
/// </summary>
internal static class AssignmentYamlWriter
{
    /// <summary>The file's text.</summary>
    /// <param name="classroom">The classroom the assignment is in.</param>
    /// <param name="assignment">The assignment.</param>
    /// <param name="folder">The assignment folder's name (the repositories' prefix).</param>
    /// <param name="organization">The organisation of the student repositories, if known.</param>
    /// <param name="deadline">Classroom's deadline, if any.</param>
    /// <param name="timeZone">The course's time zone to write the deadline in (with <c>timezone:</c>); null for UTC.</param>
    /// <param name="template">The starter repository, <c>owner/name</c>, if any.</param>
    /// <param name="studentRepository">One student repository (<c>owner/name</c>) to copy the tests from when the starter has none.</param>
    public static string Write(
        ExportClassroom classroom,
        ExportAssignment assignment,
        string folder,
        string? organization,
        DateTimeOffset? deadline,
        TimeZoneInfo? timeZone,
        string? template,
        string? studentRepository)
    {
        var title = string.IsNullOrWhiteSpace(assignment.Title) ? folder : assignment.Title.Trim();
        var owner = organization ?? "<organization>";
        var yaml = new StringBuilder();
        yaml.Append("# Imported from GitHub Classroom by `gitgrader import-classroom`: classroom ")
            .Append(classroom.Id.ToString(CultureInfo.InvariantCulture)).Append(" \"").Append(Comment(classroom.Name)).Append("\", assignment ")
            .Append(assignment.Id.ToString(CultureInfo.InvariantCulture)).Append(" (slug ").Append(Comment(assignment.Slug)).Append(").\n");
        yaml.Append("# Its student repositories, ").Append(owner).Append('/').Append(folder)
            .Append("-<login>, are graded by GitGrader from their next push; nothing was changed on GitHub.\n");
        yaml.Append("name: ").Append(Quoted(title)).Append('\n');
        yaml.Append("image: ").Append(AssignmentLoader.DefaultClassroomImage).Append('\n');
        var utc = deadline?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (deadline is { } due && timeZone is not null)
        {
            yaml.Append("timezone: ").Append(timeZone.Id).Append('\n');
            yaml.Append("deadline: ").Append(TimeZoneInfo.ConvertTime(due, timeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))
                .Append("  # Classroom's deadline, ").Append(utc).Append(", in ").Append(timeZone.Id).Append('\n');
        }
        else if (deadline is not null)
        {
            yaml.Append("deadline: ").Append(utc).Append("  # Classroom's deadline, in UTC as Classroom kept it\n");
        }
        else
        {
            yaml.Append("# deadline: none in Classroom; add one with its time zone, e.g. 2026-12-15T23:59:00-05:00\n");
        }

        if (template is not null)
        {
            yaml.Append("template: ").Append(template).Append("  # Classroom's starter code repository: new students' repositories are made from it\n");
        }
        else
        {
            yaml.Append("# template: none in Classroom's export; new students' repositories come from starter/ in this folder\n");
        }

        yaml.Append("counts: latest  # Classroom's grade was its latest run's\n");
        yaml.Append("# late: { grace: 15m, penalty_per_day: 10%, max_penalty: 50% }  # Classroom had no late penalty\n");
        if (deadline is not null)
        {
            yaml.Append("# close_at_deadline: true  # lower the students' push access to read at the deadline (Classroom did not)\n");
        }

        yaml.Append("#\n");
        yaml.Append("# TODO tests. Classroom kept this assignment's tests in each student repository, in\n");
        yaml.Append("# .github/classroom/autograding.json and .github/workflows/classroom.yml; GitGrader reads both as they\n");
        yaml.Append("# are. Copy them into this folder (then this file's name, deadline and policy apply to them):\n");
        if (template is not null)
        {
            yaml.Append("#   git clone --depth 1 https://github.com/").Append(template).Append(" /tmp/starter && cp -r /tmp/starter/.github .\n");
            yaml.Append("# if the starter repository has them; else from one student repository you have checked (students\n");
            yaml.Append("# could edit theirs)");
        }
        else
        {
            yaml.Append("# from one student repository you have checked (students could edit theirs)");
        }

        if (studentRepository is not null)
        {
            yaml.Append(", e.g.\n#   git clone --depth 1 https://github.com/").Append(studentRepository).Append(" /tmp/student && cp -r /tmp/student/.github .\n");
        }
        else
        {
            yaml.Append(".\n");
        }

        yaml.Append("# Hidden tests go in hidden/ (see the README). Or list GitGrader's own tests here under 'tests:'.\n");
        yaml.Append("# Then check it: gitgrader validate ").Append(folder).Append('\n');
        return yaml.ToString();
    }

    /// <summary>A double-quoted YAML scalar: backslash, quote and control characters escaped.</summary>
    private static string Quoted(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Text for a comment line: no line break can end the comment.</summary>
    private static string Comment(string? value) =>
        new([.. (value ?? string.Empty).Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c)]);
}
