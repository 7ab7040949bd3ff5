namespace GitGrader.Storage;

/// <summary>The summary issue of each assignment: marked dirty when a result lands, claimed by one process at a time to publish.</summary>
public interface ISummaryState
{
    /// <summary>Marks an assignment's summary as changed (bumps its change counter).</summary>
    Task MarkSummaryDirtyAsync(string assignment, CancellationToken cancellationToken);

    /// <summary>
    /// Claims one assignment whose summary changed since last published and was last published at
    /// least <paramref name="minInterval"/> ago (the debounce), under a lease. Null when none is due.
    /// </summary>
    Task<SummaryClaim?> ClaimDueSummaryAsync(string owner, TimeSpan minInterval, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records that the summary was published up to <paramref name="version"/>, in <paramref name="issueNumber"/>, and releases the claim.</summary>
    Task CompleteSummaryAsync(string assignment, string owner, int issueNumber, long version, CancellationToken cancellationToken);

    /// <summary>Releases a summary claim without publishing (it stays dirty).</summary>
    Task ReleaseSummaryAsync(string assignment, string owner, CancellationToken cancellationToken);

    /// <summary>The summaries claimed now, with their claimants (expired claims included), so a restarted process can release those of its dead predecessor.</summary>
    Task<IReadOnlyList<(string Assignment, string Owner)>> ListSummaryClaimsAsync(CancellationToken cancellationToken);
}
