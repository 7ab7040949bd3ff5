using GitGrader.Core.Assignments;

namespace GitGrader.Classroom;

/// <summary>
/// Each student's deadline for each assignment: the assignment's <c>deadline</c>, or the
/// student's extension's <c>until</c>, from the assignment folder's <c>extensions.csv</c> and
/// <c>Classroom:Extensions</c>, checked once at start. Logins compare ignoring case.
/// </summary>
public sealed class StudentDeadlines
{
    private readonly Dictionary<string, IReadOnlyList<StudentExtension>> _byAssignment;
    private readonly Dictionary<(string Assignment, string Login), DateTimeOffset> _until;

    private StudentDeadlines(IReadOnlyList<ExtensionEntry> entries, IReadOnlyList<string> warnings)
    {
        _byAssignment = entries
            .GroupBy(e => e.Assignment, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<StudentExtension>)[.. g.Select(e => e.Extension).OrderBy(e => e.Login, StringComparer.OrdinalIgnoreCase)],
                StringComparer.OrdinalIgnoreCase);
        _until = entries.ToDictionary(e => (e.Assignment.ToLowerInvariant(), e.Extension.Login.ToLowerInvariant()), e => e.Extension.Until);
        Warnings = warnings;
    }

    /// <summary>No extensions: every student's deadline is the assignment's.</summary>
    public static StudentDeadlines None { get; } = new([], []);

    /// <summary>What the instructor should know but that does not stop GitGrader, e.g. an extension for a login not on the roster.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The deadline that applies to <paramref name="login"/>: their extension's, else the assignment's (null when it has none).</summary>
    public DateTimeOffset? DeadlineFor(Assignment assignment, string login)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(login);
        return _until.TryGetValue((assignment.Slug.ToLowerInvariant(), login.ToLowerInvariant()), out var until) ? until : assignment.Deadline;
    }

    /// <summary>The extensions of an assignment, by login.</summary>
    public IReadOnlyList<StudentExtension> ExtensionsOf(Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return _byAssignment.GetValueOrDefault(assignment.Slug, []);
    }

    /// <summary>Reads every assignment folder's <c>extensions.csv</c> and <paramref name="configured"/>; every bad entry is a problem naming its file and line or key.</summary>
    public static async Task<StudentDeadlines> LoadAsync(AssignmentCatalog catalog, Roster roster, IList<ExtensionOptions> configured, List<string> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var fromFiles = new List<ExtensionEntry>();
        foreach (var assignment in catalog.Assignments)
        {
            fromFiles.AddRange(await ExtensionsCsvReader.ReadAsync(assignment, problems, cancellationToken).ConfigureAwait(false));
        }

        return Create(catalog, roster, fromFiles, configured, problems);
    }

    /// <summary>
    /// Checks <paramref name="fromFiles"/> and <paramref name="configured"/> together: one extension per student and assignment.
    /// With <paramref name="onlyCatalog"/>, configured entries of assignments not in <paramref name="catalog"/> are skipped
    /// (<c>validate</c> of one folder) rather than errors.
    /// </summary>
    internal static StudentDeadlines Create(AssignmentCatalog catalog, Roster roster, IReadOnlyList<ExtensionEntry> fromFiles, IList<ExtensionOptions> configured, List<string> problems, bool onlyCatalog = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(fromFiles);
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(problems);
        var entries = new List<ExtensionEntry>(fromFiles);
        for (var i = 0; i < configured.Count; i++)
        {
            var key = $"{ClassroomOptions.ConfigurationKey}:Extensions:{i}";
            var slug = configured[i].Assignment?.Trim() ?? string.Empty;
            if (catalog.Find(slug) is not { } assignment)
            {
                if (onlyCatalog)
                {
                    continue;
                }

                problems.Add($"{key}:Assignment: no assignment '{slug}' in Classroom:AssignmentsFolder (known: {string.Join(", ", catalog.Assignments.Select(a => a.Slug))}).");
                continue;
            }

            if (Read(assignment, configured[i].Student ?? string.Empty, configured[i].Until ?? string.Empty, key, "Student", "Until", problems) is { } extension)
            {
                entries.Add(new ExtensionEntry(assignment.Slug, extension, key));
            }
        }

        var unique = new List<ExtensionEntry>();
        var seen = new Dictionary<(string, string), ExtensionEntry>();
        foreach (var entry in entries)
        {
            if (seen.TryGetValue((entry.Assignment.ToLowerInvariant(), entry.Extension.Login.ToLowerInvariant()), out var first))
            {
                problems.Add($"{entry.Where}: a second extension for '{entry.Extension.Login}' on '{entry.Assignment}' (the first is at {first.Where}); keep one.");
                continue;
            }

            seen.Add((entry.Assignment.ToLowerInvariant(), entry.Extension.Login.ToLowerInvariant()), entry);
            unique.Add(entry);
        }

        var warnings = roster.Entries.Count == 0
            ? []
            : unique
                .Where(e => roster.Find(e.Extension.Login) is null)
                .Select(e => $"{e.Where}: '{e.Extension.Login}' is not on the roster (Classroom:RosterCsv); the extension applies if they submit.")
                .ToList();
        return new StudentDeadlines(unique, warnings);
    }

    /// <summary>One extension's login and time; a problem (at <paramref name="where"/>, naming the field) when either is wrong.</summary>
    internal static StudentExtension? Read(Assignment assignment, string login, string until, string where, string loginField, string untilField, List<string> problems)
    {
        var trimmed = login.Trim();
        var before = problems.Count;
        if (!GitHubLogin.IsValid(trimmed))
        {
            problems.Add($"{where}: {loginField} '{trimmed}' is not a GitHub login (letters, digits and single hyphens, at most 39).");
        }

        if (assignment.Deadline is not { } deadline)
        {
            problems.Add($"{where}: assignment '{assignment.Slug}' has no 'deadline', so an extension has nothing to extend.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(until))
        {
            problems.Add($"{where}: {untilField} is empty; give the student's deadline, e.g. {DeadlineText.Examples}.");
        }
        else if (!DeadlineText.TryParse(until, assignment.TimeZone, out var value, out var problem))
        {
            problems.Add($"{where}: {untilField}: {problem}.");
        }
        else if (value <= deadline)
        {
            problems.Add($"{where}: {untilField} {Show(value)} is not after the assignment's deadline ({Show(deadline)}); an extension moves the deadline later.");
        }
        else if (problems.Count == before)
        {
            return new StudentExtension(trimmed, value);
        }

        return null;
    }

    private static string Show(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);
}
