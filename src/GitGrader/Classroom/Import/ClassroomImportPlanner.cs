using System.Globalization;
using GitGrader.Core.Assignments;

namespace GitGrader.Classroom.Import;

/// <summary>
/// Turns an exported classroom into GitGrader's configuration: one folder per individual assignment, named after the
/// prefix of its repositories (<c>&lt;prefix&gt;-&lt;login&gt;</c>, Classroom's slug unless they were named otherwise)
/// so <see cref="AssignmentCatalog.Map"/> maps every existing repository to it unchanged; its <c>assignment.yml</c>
/// and <c>classroom-points.csv</c>; and <c>roster.csv</c>. Group assignments are left out (GitGrader grades a
/// student's own repository). Nothing is read from or written to GitHub.
/// </summary>
internal static class ClassroomImportPlanner
{
    /// <summary>The roster's file name under the output folder.</summary>
    public const string RosterFile = "roster.csv";

    /// <summary>Plans the import of <paramref name="classroom"/>; deadlines in UTC, or in <paramref name="timeZone"/> when given.</summary>
    /// <exception cref="ClassroomExportException">Two assignments would share a folder.</exception>
    public static ImportPlan Plan(ExportedClassroom classroom, IReadOnlyList<string> readWarnings, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(classroom);
        var warnings = new List<string>(readWarnings);
        var skipped = new List<string>();
        var organization = Organization(classroom, warnings);
        var roster = new ImportedRosterBuilder(warnings);
        var folders = new Dictionary<string, ExportedAssignment>(StringComparer.OrdinalIgnoreCase);
        var individual = new List<(ExportedAssignment Assignment, string Folder)>();
        foreach (var assignment in classroom.Assignments)
        {
            foreach (var student in assignment.Accepted.SelectMany(a => a.Students).Where(s => s.Login is { } login && GitHubLogin.IsValid(login)))
            {
                roster.AddStudent(student.Login!, student.Id);
            }

            foreach (var row in assignment.Grades)
            {
                roster.AddGrade(row, assignment.GradesFile!);
            }

            if (assignment.IsGroup)
            {
                warnings.Add($"'{assignment.Assignment.Title}' ({assignment.Assignment.Slug}) is a group assignment: GitGrader grades each student's own repository, so it is not imported; its {assignment.Accepted.Count} team repositories are not graded. Its students are on the roster.");
                skipped.AddRange(assignment.Accepted.Select(a => $"{a.Repository?.FullName ?? "(no repository)"}: a team repository of group assignment '{assignment.Assignment.Slug}'"));
                continue;
            }

            var folder = FolderOf(assignment, warnings);
            if (folders.TryGetValue(folder, out var other))
            {
                throw new ClassroomExportException($"{assignment.Folder}: assignments {other.Assignment.Id} '{other.Assignment.Title}' and {assignment.Assignment.Id} '{assignment.Assignment.Title}' would both be the folder '{folder}'; rename one repository prefix or import them into separate folders.");
            }

            folders[folder] = assignment;
            individual.Add((assignment, folder));
        }

        var catalog = organization is null
            ? null
            : new AssignmentCatalog(organization, individual.Select(i => new Assignment { Slug = i.Folder, Name = i.Folder, Image = "-", Directory = i.Folder, Tests = [] }));
        var files = new List<PlannedFile>();
        var planned = new List<PlannedAssignment>();
        foreach (var (assignment, folder) in individual)
        {
            var adopted = new List<string>();
            var byLogin = Adopt(assignment, folder, organization, catalog, adopted, skipped);
            var points = Points(assignment, byLogin, organization, warnings);
            files.Add(new PlannedFile($"{folder}/{AssignmentLoader.YamlFileName}", AssignmentYamlWriter.Write(
                classroom.Classroom,
                assignment.Assignment,
                folder,
                organization,
                Deadline(assignment, warnings),
                timeZone,
                Template(assignment, warnings),
                adopted.Order(StringComparer.OrdinalIgnoreCase).FirstOrDefault())));
            if (points.Count > 0)
            {
                files.Add(new PlannedFile($"{folder}/{ClassroomPointsCsv.FileName}", ClassroomPointsCsv.Write(points)));
            }

            planned.Add(new PlannedAssignment(folder, assignment.Assignment.Title ?? folder, adopted, points.Count));
        }

        var (rosterText, rosterEntries) = roster.Build();
        if (rosterEntries > 0)
        {
            files.Add(new PlannedFile(RosterFile, rosterText));
        }

        return new ImportPlan(
            classroom.Classroom.Name ?? classroom.Classroom.Id.ToString(CultureInfo.InvariantCulture),
            organization,
            [.. files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)],
            planned,
            rosterEntries,
            skipped,
            warnings);
    }

    private static string? Organization(ExportedClassroom classroom, List<string> warnings)
    {
        if (classroom.Classroom.Organization?.Login is { } login && GitHubLogin.IsValid(login))
        {
            return login;
        }

        var owners = classroom.Assignments.SelectMany(a => a.Accepted)
            .Select(a => a.Repository?.FullName?.Split('/') is [var owner, _] ? owner : null)
            .OfType<string>()
            .Where(GitHubLogin.IsValid)
            .GroupBy(o => o, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .FirstOrDefault()?.Key;
        warnings.Add(owners is null
            ? $"{Path.Combine(classroom.Folder, ClassroomExportReader.ClassroomFile)}: no organisation, and no repository to tell it from; set Classroom:Organization yourself."
            : $"{Path.Combine(classroom.Folder, ClassroomExportReader.ClassroomFile)}: no organisation; '{owners}' is taken from the student repositories.");
        return owners;
    }

    /// <summary>The prefix most of the assignment's repositories share before <c>-&lt;login&gt;</c>; Classroom's slug when it has none.</summary>
    private static string FolderOf(ExportedAssignment assignment, List<string> warnings)
    {
        var slug = assignment.Assignment.Slug!;
        var prefixes = assignment.Accepted
            .Select(a => (Name: RepositoryName(a.Repository?.FullName), Login: a.Students.Count == 1 ? a.Students[0].Login : null))
            .Where(r => r.Name is not null && r.Login is not null && r.Name.Length > r.Login.Length + 1
                && r.Name.EndsWith("-" + r.Login, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Name![..^(r.Login!.Length + 1)])
            .GroupBy(p => p, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => string.Equals(g.Key, slug, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (prefixes.Count == 0)
        {
            return slug;
        }

        var folder = prefixes[0].Key;
        if (!string.Equals(folder, slug, StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add($"'{assignment.Assignment.Title}': Classroom's slug is '{slug}' but its repositories are named '{folder}-<login>'; the folder is '{folder}' so they map unchanged.");
        }

        return folder;
    }

    /// <summary>Checks every accepted repository maps to this assignment as its student's; returns the repository of each login that does.</summary>
    private static Dictionary<string, string> Adopt(ExportedAssignment assignment, string folder, string? organization, AssignmentCatalog? catalog, List<string> adopted, List<string> skipped)
    {
        var byLogin = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var accepted in assignment.Accepted)
        {
            var repository = accepted.Repository?.FullName;
            var logins = accepted.Students.Select(s => s.Login).OfType<string>().ToList();
            string? problem = null;
            if (repository?.Split('/') is not [var owner, var name])
            {
                problem = "no repository in accepted-assignments.json";
            }
            else if (logins.Count != 1)
            {
                problem = $"{logins.Count} students ({string.Join(", ", logins)}) in an individual assignment";
            }
            else if (catalog is null)
            {
                problem = "the organisation is unknown, so it cannot be checked";
            }
            else if (catalog.Map(owner, name) is not { } mapped)
            {
                problem = string.Equals(owner, organization, StringComparison.OrdinalIgnoreCase)
                    ? $"not named '{folder}-{logins[0]}' (renamed?), so its pushes are not graded"
                    : $"in organisation '{owner}', not '{organization}'";
            }
            else if (!string.Equals(mapped.Assignment.Slug, folder, StringComparison.OrdinalIgnoreCase) || !string.Equals(mapped.Student, logins[0], StringComparison.OrdinalIgnoreCase))
            {
                problem = $"would be graded as assignment '{mapped.Assignment.Slug}' of student '{mapped.Student}', not '{folder}' of '{logins[0]}'";
            }

            if (problem is null)
            {
                adopted.Add(repository!);
                byLogin[logins[0]] = repository!;
            }
            else
            {
                skipped.Add($"{repository ?? "(no repository)"} ({folder}): {problem}");
            }
        }

        return byLogin;
    }

    private static List<ClassroomPoints> Points(ExportedAssignment assignment, Dictionary<string, string> repositories, string? organization, List<string> warnings)
    {
        var accepted = assignment.Accepted
            .Where(a => a.Students.Count == 1 && a.Students[0].Login is not null)
            .GroupBy(a => a.Students[0].Login!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var points = new Dictionary<string, ClassroomPoints>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in assignment.Grades.Where(r => r.GitHubUsername.Length > 0))
        {
            if (!accepted.ContainsKey(row.GitHubUsername))
            {
                warnings.Add($"{assignment.GradesFile}:{row.Line}: '{row.GitHubUsername}' has no accepted assignment in {ClassroomExportReader.AcceptedFile} (the export may be short); their Classroom points are kept, their repository is not checked.");
            }

            var repository = repositories.GetValueOrDefault(row.GitHubUsername)
                ?? (row.RepositoryName.Length > 0 && organization is not null ? $"{organization}/{row.RepositoryName}" : string.Empty);
            if (!points.TryAdd(row.GitHubUsername, new ClassroomPoints(row.GitHubUsername, row.PointsAwarded, row.PointsAvailable, row.SubmittedAt, repository)))
            {
                warnings.Add($"{assignment.GradesFile}:{row.Line}: '{row.GitHubUsername}' is listed again; the first row's points are kept.");
            }
        }

        // Without a grades.csv row, the accepted assignment's own "grade" ("7/10") is what Classroom recorded.
        foreach (var (login, entry) in accepted.Where(a => !points.ContainsKey(a.Key)))
        {
            var (awarded, available) = Grade(entry.Grade);
            points[login] = new ClassroomPoints(login, awarded, available, null, repositories.GetValueOrDefault(login) ?? entry.Repository?.FullName ?? string.Empty);
        }

        return [.. points.Values];
    }

    private static (double? Awarded, double? Available) Grade(string? grade) =>
        grade?.Split('/') is [var awarded, var available]
        && double.TryParse(awarded.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
        && double.TryParse(available.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? (a, b)
            : (null, null);

    private static DateTimeOffset? Deadline(ExportedAssignment assignment, List<string> warnings)
    {
        var text = assignment.Assignment.Deadline;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var deadline))
        {
            return deadline;
        }

        warnings.Add($"{assignment.Folder}: deadline '{text}' is not a date and time; '{assignment.Assignment.Slug}' is imported without one.");
        return null;
    }

    private static string? Template(ExportedAssignment assignment, List<string> warnings)
    {
        var fromUrl = assignment.Grades.Select(g => g.StarterCodeUrl).FirstOrDefault(u => u.Length > 0) is { } url
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                ? uri.AbsolutePath.Trim('/')
                : null;
        var candidate = assignment.Assignment.StarterCodeRepository?.FullName ?? fromUrl;
        if (candidate is null)
        {
            return null;
        }

        if (candidate.Split('/') is [var owner, var name] && GitHubLogin.IsValid(owner) && name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return candidate;
        }

        warnings.Add($"{assignment.Folder}: starter repository '{candidate}' is not owner/name; '{assignment.Assignment.Slug}' is imported without a template.");
        return null;
    }

    private static string? RepositoryName(string? fullName) => fullName?.Split('/') is [_, var name] ? name : null;
}
