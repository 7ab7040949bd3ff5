namespace GitGrader.Storage;

/// <summary>
/// A request to show a commit's hidden results under a daily limit, made in the transaction that
/// saves the result. Counted per (assignment, student, day).
/// </summary>
public sealed record FeedbackClaim
{
    /// <summary>Assignment slug.</summary>
    public required string Assignment { get; init; }

    /// <summary>The student counted (lower-case GitHub login).</summary>
    public required string Student { get; init; }

    /// <summary>The day counted in: its start, as ISO 8601 UTC text.</summary>
    public required string WindowKey { get; init; }

    /// <summary>Results per day this student may be shown.</summary>
    public required int PerDay { get; init; }

    /// <summary>False when showing the result reveals nothing hidden (a rejection, a failed build): nothing is reserved.</summary>
    public bool Spend { get; init; } = true;
}
