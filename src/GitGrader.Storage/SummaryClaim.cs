namespace GitGrader.Storage;

/// <summary>An assignment whose summary issue is due for an edit, held under a lease.</summary>
/// <param name="Assignment">Assignment slug.</param>
/// <param name="IssueNumber">The issue, once created.</param>
/// <param name="Version">The change counter read at claim time; pass it back on completion.</param>
public sealed record SummaryClaim(string Assignment, int? IssueNumber, long Version);
