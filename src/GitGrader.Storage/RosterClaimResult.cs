namespace GitGrader.Storage;

/// <summary>What a roster claim came to (<see cref="IRosterClaims.ClaimRosterEntryAsync"/>).</summary>
public enum RosterClaimResult
{
    /// <summary>The identifier is now (or was already) this login's.</summary>
    Claimed,

    /// <summary>Another account holds the identifier.</summary>
    TakenByOther,

    /// <summary>This login holds another identifier already.</summary>
    LoginHoldsOther,
}
