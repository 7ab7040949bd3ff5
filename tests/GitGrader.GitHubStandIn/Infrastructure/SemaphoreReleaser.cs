namespace GitGrader.GitHubStandIn.Infrastructure;

/// <summary>Releases a semaphore once, however often it is disposed.</summary>
internal sealed class SemaphoreReleaser(SemaphoreSlim semaphore) : IDisposable
{
    private int _released;

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            semaphore.Release();
        }
    }
}
