namespace GitGrader.Storage;

/// <summary>
/// Roster entries students have claimed through an invitation link: which GitHub account is which roster
/// <c>identifier</c>. An identifier is held by one account and an account holds one identifier (unique
/// constraints, so of two browsers claiming the same entry at once exactly one wins); an instructor can unlink.
/// </summary>
public interface IRosterClaims
{
    /// <summary>
    /// Links <paramref name="identifier"/> to <paramref name="login"/> (GitHub user id <paramref name="gitHubId"/>) unless
    /// the identifier or the login is linked already: <see cref="RosterClaimResult.Claimed"/> (also when this login holds
    /// this identifier already), <see cref="RosterClaimResult.TakenByOther"/> or <see cref="RosterClaimResult.LoginHoldsOther"/>,
    /// with the claim that stands.
    /// </summary>
    Task<RosterClaimOutcome> ClaimRosterEntryAsync(string identifier, string login, long gitHubId, CancellationToken cancellationToken);

    /// <summary>Every claim, by identifier.</summary>
    Task<IReadOnlyList<RosterClaim>> ListRosterClaimsAsync(CancellationToken cancellationToken);

    /// <summary>Removes the claim of <paramref name="identifier"/>; returns it, or null when there was none.</summary>
    Task<RosterClaim?> UnlinkRosterEntryAsync(string identifier, CancellationToken cancellationToken);
}
