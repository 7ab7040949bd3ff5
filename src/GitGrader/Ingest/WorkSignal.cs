namespace GitGrader.Ingest;

/// <summary>
/// Wakes the in-process worker and check-run announcer the moment a job is queued, so an idle
/// worker starts at once instead of at its next poll. Lossy by design: the queue is the truth,
/// and pollers cover jobs queued by other hosts.
/// </summary>
public sealed class WorkSignal
{
    private readonly SemaphoreSlim _jobs = new(0, int.MaxValue);
    private readonly SemaphoreSlim _announcements = new(0, 1);

    /// <summary>Signals that a job was queued.</summary>
    public void JobQueued()
    {
        _jobs.Release();
        if (_announcements.CurrentCount == 0)
        {
            try
            {
                _announcements.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread already woke the announcer.
            }
        }
    }

    /// <summary>Waits for a queued job or the timeout; true when signalled.</summary>
    public Task<bool> WaitForJobAsync(TimeSpan timeout, CancellationToken cancellationToken) => _jobs.WaitAsync(timeout, cancellationToken);

    /// <summary>Waits until a job needs its check run announced, or the timeout.</summary>
    public Task<bool> WaitForAnnouncementAsync(TimeSpan timeout, CancellationToken cancellationToken) => _announcements.WaitAsync(timeout, cancellationToken);
}
