namespace GitGrader.Classroom;

/// <summary>The students of the course, by GitHub login (case-insensitive, as GitHub logins are).</summary>
public sealed class Roster
{
    private readonly Dictionary<string, RosterEntry> _byLogin;

    /// <summary>Creates a roster.</summary>
    public Roster(IReadOnlyList<RosterEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries;
        _byLogin = entries
            .Where(e => e.GitHubUsername.Length > 0)
            .GroupBy(e => e.GitHubUsername, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>An empty roster (none configured): every submitter is graded, none is listed without a submission.</summary>
    public static Roster Empty { get; } = new([]);

    /// <summary>Every row, in file order.</summary>
    public IReadOnlyList<RosterEntry> Entries { get; }

    /// <summary>
    /// Every login to list for an assignment: the roster's linked students and the
    /// <paramref name="submitters"/> (some perhaps not on the roster), once each, in login order.
    /// </summary>
    public IReadOnlyList<string> LoginsWith(IEnumerable<string> submitters) =>
        [.. Entries.Where(e => e.GitHubUsername.Length > 0).Select(e => e.GitHubUsername)
            .Concat(submitters)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The row of a login, if any.</summary>
    public RosterEntry? Find(string login) => _byLogin.GetValueOrDefault(login);
}
