namespace GitGrader.Storage;

/// <summary>The store's answer to a <see cref="FeedbackClaim"/>.</summary>
/// <param name="Granted">Whether the hidden results may be shown.</param>
/// <param name="Used">Results used in the claim's day, after this one.</param>
/// <param name="AlreadyCounted">The submission (commit) had used one already; no second was taken.</param>
public sealed record FeedbackGrant(bool Granted, int Used, bool AlreadyCounted);
