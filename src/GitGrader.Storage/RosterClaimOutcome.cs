namespace GitGrader.Storage;

/// <summary>The result of a roster claim and the claim that stands: the new one, the other account's, or this login's other one.</summary>
public sealed record RosterClaimOutcome(RosterClaimResult Result, RosterClaim Standing);
