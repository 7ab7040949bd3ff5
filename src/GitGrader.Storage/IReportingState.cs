namespace GitGrader.Storage;

/// <summary>
/// What GitGrader keeps about what it put on GitHub: each job's check run and each pull request's
/// feedback comment. Creating either is reserved here first, so across any number of processes sharing
/// the store (PostgreSQL) there is exactly one of each: the holder of a reservation creates the thing
/// and stores its id; everyone else waits for that id. A reservation not fulfilled within its hold (the
/// holder crashed) may be taken by the next caller, who looks on GitHub before creating.
/// </summary>
public interface IReportingState
{
    /// <summary>Queued grade jobs with no check run yet and an id above <paramref name="afterJobId"/> (0: from the first), oldest first.</summary>
    Task<IReadOnlyList<PendingCheckRun>> ListJobsWithoutCheckRunAsync(long afterJobId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The line of queued grade jobs due now (at most <paramref name="limit"/>, in the order they will be claimed), how many
    /// jobs run, and how many ended within <paramref name="window"/>: what a queued check run says about its place.
    /// </summary>
    Task<QueueLine> GetQueueLineAsync(int limit, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves the creation of job <paramref name="jobId"/>'s check run for <paramref name="holder"/> for
    /// <paramref name="hold"/>: <see cref="ReservationState.Exists"/> with the stored id, <see cref="ReservationState.Granted"/>
    /// (also to the holder that has it already, and when the hold is <paramref name="replacing"/>'s, a holder known to be
    /// dead), or <see cref="ReservationState.HeldElsewhere"/> with the holder.
    /// </summary>
    Task<Reservation> ReserveCheckRunAsync(long jobId, string holder, TimeSpan hold, string? replacing, CancellationToken cancellationToken);

    /// <summary>Gives up a check run reservation without storing an id (creating failed), so the next caller need not wait out the hold.</summary>
    Task ReleaseCheckRunAsync(long jobId, string holder, CancellationToken cancellationToken);

    /// <summary>Sets a job's check run id unless one is set (which ends any reservation); returns the id now stored.</summary>
    Task<long> SetCheckRunIdAsync(long jobId, long checkRunId, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves the creation of the feedback comment on <paramref name="repository"/>'s pull request
    /// <paramref name="pullRequest"/> for <paramref name="holder"/>, as <see cref="ReserveCheckRunAsync"/> does for a check run.
    /// </summary>
    Task<Reservation> ReservePullRequestCommentAsync(string repository, int pullRequest, string holder, TimeSpan hold, string? replacing, CancellationToken cancellationToken);

    /// <summary>Gives up a comment reservation without storing an id.</summary>
    Task ReleasePullRequestCommentAsync(string repository, int pullRequest, string holder, CancellationToken cancellationToken);

    /// <summary>The comment GitGrader keeps on a pull request, if known.</summary>
    Task<long?> GetPullRequestCommentAsync(string repository, int pullRequest, CancellationToken cancellationToken);

    /// <summary>Remembers the comment GitGrader keeps on a pull request (which ends any reservation of it).</summary>
    Task SavePullRequestCommentAsync(string repository, int pullRequest, long commentId, CancellationToken cancellationToken);
}
