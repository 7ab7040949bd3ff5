namespace GitGrader.Classroom;

/// <summary>
/// Reads GitHub Classroom's roster export: a header row naming at least <c>identifier</c> and
/// <c>github_username</c> (also <c>github_id</c> and <c>name</c>, in any order), then one row per
/// student; RFC 4180 quoting. Errors name the file and line.
/// </summary>
public static class RosterCsvReader
{
    /// <summary>Reads the roster at <paramref name="path"/>.</summary>
    /// <exception cref="ConfigurationException">Missing file, missing column, bad quoting, or a login used twice.</exception>
    public static async Task<Roster> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{path}: cannot read the roster ({ex.Message}). Set Classroom:RosterCsv to GitHub Classroom's roster export, or leave it empty.", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses roster text; <paramref name="source"/> names it in errors.</summary>
    public static Roster Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = CsvText.ParseRows(text.TrimStart('\uFEFF'), source);
        if (rows.Count == 0)
        {
            throw new ConfigurationException($"{source}: the roster is empty; expected a header row 'identifier,github_username,github_id,name'.");
        }

        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var identifier = RequiredColumn(header, "identifier", source);
        var username = RequiredColumn(header, "github_username", source);
        var id = header.IndexOf("github_id");
        var name = header.IndexOf("name");

        var entries = new List<RosterEntry>();
        var lineOfLogin = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Skip(1))
        {
            if (row.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (row.Fields.Count != header.Count)
            {
                throw new ConfigurationException($"{source}:{row.Line}: {row.Fields.Count} fields, but the header has {header.Count}.");
            }

            var login = row.Fields[username].Trim();
            if (login.Length > 0 && !GitHubLogin.IsValid(login))
            {
                throw new ConfigurationException($"{source}:{row.Line}: github_username '{login}' is not a GitHub login (letters, digits and single hyphens, at most 39).");
            }

            if (login.Length > 0 && !lineOfLogin.TryAdd(login, row.Line))
            {
                throw new ConfigurationException($"{source}:{row.Line}: github_username '{login}' is already on line {lineOfLogin[login]}.");
            }

            entries.Add(new RosterEntry(
                row.Fields[identifier].Trim(),
                login,
                id >= 0 && row.Fields[id].Trim() is { Length: > 0 } gid ? gid : null,
                name >= 0 && row.Fields[name].Trim() is { Length: > 0 } n ? n : null));
        }

        return new Roster(entries);
    }

    private static int RequiredColumn(List<string> header, string column, string source)
    {
        var index = header.IndexOf(column);
        return index >= 0
            ? index
            : throw new ConfigurationException($"{source}:1: no '{column}' column; GitHub Classroom's roster export has 'identifier,github_username,github_id,name' (found '{string.Join(',', header)}').");
    }
}
