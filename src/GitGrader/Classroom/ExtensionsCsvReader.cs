using GitGrader.Core.Assignments;

namespace GitGrader.Classroom;

/// <summary>
/// Reads an assignment folder's <c>extensions.csv</c>: a header row naming <c>github_username</c>
/// and <c>until</c> (other columns, such as a reason, are ignored), then one row per student;
/// RFC 4180 quoting as the roster. <c>until</c> is read as the assignment's <c>deadline</c> is.
/// </summary>
internal static class ExtensionsCsvReader
{
    /// <summary>The file's name in the assignment folder.</summary>
    public const string FileName = "extensions.csv";

    /// <summary>The extensions of <paramref name="assignment"/> from its folder's file (none when there is no file); every bad row is a problem naming file and line.</summary>
    public static async Task<IReadOnlyList<ExtensionEntry>> ReadAsync(Assignment assignment, List<string> problems, CancellationToken cancellationToken)
    {
        var path = Path.Combine(assignment.Directory, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{path}: cannot read the extensions ({ex.Message}).");
            return [];
        }

        return Parse(text, path, assignment, problems);
    }

    /// <summary>Parses extension text; <paramref name="source"/> names it in problems.</summary>
    public static IReadOnlyList<ExtensionEntry> Parse(string text, string source, Assignment assignment, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(problems);
        List<CsvRow> rows;
        try
        {
            rows = CsvText.ParseRows(text.TrimStart('\uFEFF'), source);
        }
        catch (ConfigurationException ex)
        {
            problems.Add(ex.Message);
            return [];
        }

        if (rows.Count == 0)
        {
            problems.Add($"{source}: the file is empty; expected a header row 'github_username,until'.");
            return [];
        }

        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var username = header.IndexOf("github_username");
        var until = header.IndexOf("until");
        if (username < 0 || until < 0)
        {
            problems.Add($"{source}:1: expected a header row 'github_username,until' (found '{string.Join(',', header)}').");
            return [];
        }

        var entries = new List<ExtensionEntry>();
        foreach (var row in rows.Skip(1))
        {
            if (row.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var where = $"{source}:{row.Line}";
            if (row.Fields.Count != header.Count)
            {
                problems.Add($"{where}: {row.Fields.Count} fields, but the header has {header.Count}.");
                continue;
            }

            if (StudentDeadlines.Read(assignment, row.Fields[username], row.Fields[until], where, "github_username", "until", problems) is { } extension)
            {
                entries.Add(new ExtensionEntry(assignment.Slug, extension, where));
            }
        }

        return entries;
    }
}
