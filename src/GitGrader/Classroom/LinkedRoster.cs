using GitGrader.Storage;

namespace GitGrader.Classroom;

/// <summary>
/// The roster as it stands now: the CSV's rows (<see cref="Course.Roster"/>) with the entries students claimed through an
/// invitation link filled in (their <see cref="RosterEntry.GitHubUsername"/> and <see cref="RosterEntry.GitHubId"/>). A
/// <c>github_username</c> in the CSV wins over a claim of the same row. What the rest of the App should read for "who is on the roster".
/// </summary>
public sealed class LinkedRoster
{
    private readonly Roster _csv;
    private readonly IRosterClaims _claims;

    /// <summary>Creates the service over the course's CSV roster and the store's claims.</summary>
    public LinkedRoster(Course course, IRosterClaims claims)
    {
        ArgumentNullException.ThrowIfNull(course);
        _csv = course.Roster;
        _claims = claims;
    }

    /// <summary>True when the course has a roster (<c>Classroom:RosterCsv</c>) with at least one row.</summary>
    public bool HasRoster => _csv.Entries.Count > 0;

    /// <summary>The CSV roster with the claimed entries' logins filled in.</summary>
    public async Task<Roster> CurrentAsync(CancellationToken cancellationToken)
    {
        var claims = (await _claims.ListRosterClaimsAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(c => c.Identifier, StringComparer.Ordinal);
        return new Roster([.. _csv.Entries.Select(e => e.GitHubUsername.Length == 0 && claims.TryGetValue(e.Identifier, out var claim)
            ? e with { GitHubUsername = claim.Login, GitHubId = claim.GitHubId.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : e)]);
    }

    /// <summary>The rows no account is linked to yet (neither in the CSV nor by a claim), in file order.</summary>
    public async Task<IReadOnlyList<RosterEntry>> UnclaimedAsync(CancellationToken cancellationToken) =>
        [.. (await CurrentAsync(cancellationToken).ConfigureAwait(false)).Entries.Where(e => e.GitHubUsername.Length == 0)];

    /// <summary>Every row with how it is linked (CSV, claim, or not at all), for <c>gitgrader roster list</c>.</summary>
    public async Task<IReadOnlyList<(RosterEntry Entry, RosterLink Link)>> ListAsync(CancellationToken cancellationToken)
    {
        var claimed = (await _claims.ListRosterClaimsAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.Identifier).ToHashSet(StringComparer.Ordinal);
        var current = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        return [.. current.Entries.Zip(_csv.Entries, (now, csv) => (now, csv.GitHubUsername.Length > 0 ? RosterLink.Csv
            : claimed.Contains(now.Identifier) ? RosterLink.Claimed
            : RosterLink.None))];
    }

    /// <summary>The CSV row of <paramref name="identifier"/>, if any.</summary>
    public RosterEntry? FindIdentifier(string identifier) => _csv.Entries.FirstOrDefault(e => e.Identifier == identifier);
}
