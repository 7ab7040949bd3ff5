namespace GitGrader.Classroom.Import;

/// <summary>
/// The roster of an imported classroom, merged from every assignment: the roster identifier and login of each
/// <c>grades.csv</c> row, the GitHub id of each accepted assignment's student; entries never linked keep their
/// identifier alone. Written as GitGrader's roster (<c>identifier,github_username,github_id,name</c>; Classroom's
/// export has no names).
/// </summary>
internal sealed class ImportedRosterBuilder
{
    private readonly Dictionary<string, (string Identifier, string? Id)> _byLogin = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _unlinked = new(StringComparer.Ordinal);
    private readonly ICollection<string> _warnings;

    /// <summary>Creates a builder that adds what it notices to <paramref name="warnings"/>.</summary>
    public ImportedRosterBuilder(ICollection<string> warnings) => _warnings = warnings;

    /// <summary>A student of an accepted assignment.</summary>
    public void AddStudent(string login, long id)
    {
        var (identifier, known) = _byLogin.GetValueOrDefault(login, (string.Empty, null));
        _byLogin[login] = (identifier, known ?? (id > 0 ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
    }

    /// <summary>A <c>grades.csv</c> row: a linked student (with or without an identifier) or a roster entry that never accepted.</summary>
    public void AddGrade(GradesCsvRow row, string source)
    {
        if (row.GitHubUsername.Length == 0)
        {
            if (row.RosterIdentifier.Length > 0)
            {
                _unlinked.Add(row.RosterIdentifier);
            }

            return;
        }

        var (identifier, id) = _byLogin.GetValueOrDefault(row.GitHubUsername, (string.Empty, null));
        if (identifier.Length > 0 && row.RosterIdentifier.Length > 0 && !string.Equals(identifier, row.RosterIdentifier, StringComparison.Ordinal))
        {
            _warnings.Add($"{source}:{row.Line}: '{row.GitHubUsername}' has roster identifier '{row.RosterIdentifier}' here but '{identifier}' in an earlier assignment; the roster keeps '{identifier}'.");
            return;
        }

        _byLogin[row.GitHubUsername] = (identifier.Length > 0 ? identifier : row.RosterIdentifier, id);
    }

    /// <summary>The roster's text, entries in identifier then login order; and how many entries it has.</summary>
    public (string Text, int Entries) Build()
    {
        var rows = new List<(string Identifier, string Login, string Id)>();
        var withoutIdentifier = new List<string>();
        foreach (var (login, (identifier, id)) in _byLogin)
        {
            if (identifier.Length == 0)
            {
                withoutIdentifier.Add(login);
            }

            rows.Add((identifier.Length > 0 ? identifier : login, login, id ?? string.Empty));
        }

        if (withoutIdentifier.Count > 0)
        {
            _warnings.Add($"roster.csv: {withoutIdentifier.Count} student(s) had no roster identifier in any grades.csv, so their login is their identifier: {string.Join(", ", withoutIdentifier.Order(StringComparer.OrdinalIgnoreCase))}.");
        }

        foreach (var shared in rows.GroupBy(r => r.Identifier, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            _warnings.Add($"roster.csv: roster identifier '{shared.Key}' is linked to several logins ({string.Join(", ", shared.Select(r => r.Login).Order(StringComparer.OrdinalIgnoreCase))}); check which is the student's.");
        }

        var linked = rows.Select(r => r.Identifier).ToHashSet(StringComparer.Ordinal);
        rows.AddRange(_unlinked.Where(i => !linked.Contains(i)).Select(i => (i, string.Empty, string.Empty)));
        var ordered = rows.OrderBy(r => r.Identifier, StringComparer.Ordinal).ThenBy(r => r.Login, StringComparer.OrdinalIgnoreCase);
        var text = CsvText.Row("identifier", "github_username", "github_id", "name")
            + string.Concat(ordered.Select(r => CsvText.Row(r.Identifier, r.Login, r.Id, string.Empty)));
        return (text, rows.Count);
    }
}
