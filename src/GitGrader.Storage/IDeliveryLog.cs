namespace GitGrader.Storage;

/// <summary>
/// What GitGrader knows of GitHub's deliveries beyond the ones it received: which it never got, and which it asked
/// GitHub to make again (so the push they carry keeps the time of GitHub's first attempt when it arrives).
/// </summary>
public interface IDeliveryLog
{
    /// <summary>Those of <paramref name="deliveryIds"/> (X-GitHub-Delivery) never recorded as received.</summary>
    Task<IReadOnlyList<string>> ListUnknownDeliveriesAsync(IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken);

    /// <summary>
    /// Records that delivery <paramref name="deliveryId"/>, first attempted by GitHub at <paramref name="firstAttemptAt"/>, is to
    /// be asked for again; true when it is to be asked now: never asked yet, or last asked at least
    /// <paramref name="askAgainAfter"/> ago and asked fewer than <paramref name="maxAsks"/> times (across processes, one caller
    /// gets true for each ask).
    /// </summary>
    Task<bool> ClaimRedeliveryAsync(string deliveryId, string eventName, DateTimeOffset firstAttemptAt, TimeSpan askAgainAfter, int maxAsks, CancellationToken cancellationToken);

    /// <summary>
    /// Every (repository, assignment, student) with a recorded submission, with the installation it was last recorded
    /// under: the repositories a sweep for pushes GitHub never delivered looks at.
    /// </summary>
    Task<IReadOnlyList<KnownRepository>> ListKnownRepositoriesAsync(CancellationToken cancellationToken);
}
