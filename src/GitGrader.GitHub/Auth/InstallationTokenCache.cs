namespace GitGrader.GitHub.Auth;

/// <summary>
/// Installation tokens per installation, reused until <see cref="RefreshBefore"/> ahead of their expiry. Callers that
/// find no usable token at the same time share one fetch (single flight); a failed fetch is not cached.
/// </summary>
internal sealed class InstallationTokenCache(TimeProvider timeProvider)
{
    /// <summary>A token is replaced once it has less than this left.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<long, Entry> _entries = [];

    /// <summary>
    /// The installation's token: the cached one while it has more than <see cref="RefreshBefore"/> left, else the result
    /// of <paramref name="fetch"/>, shared with every concurrent caller. The fetch is not cancelled when one caller gives up
    /// (others may be waiting on it); <paramref name="cancellationToken"/> only ends this caller's wait.
    /// </summary>
    public async Task<string> GetAsync(long installationId, Func<CancellationToken, Task<InstallationAccessToken>> fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        cancellationToken.ThrowIfCancellationRequested();
        Entry entry;
        var owner = false;
        lock (_gate)
        {
            if (!_entries.TryGetValue(installationId, out entry!) || entry.IsStale(timeProvider.GetUtcNow()))
            {
                entry = new Entry();
                _entries[installationId] = entry;
                owner = true;
            }
        }

        if (owner)
        {
            _ = FillAsync(installationId, entry, fetch);
        }

        var token = await entry.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return token.Token;
    }

    /// <summary>Drops <paramref name="token"/> if it is still the cached one (GitHub refused it), so the next caller fetches anew.</summary>
    public void Forget(long installationId, string token)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(installationId, out var entry) && entry.Value?.Token == token)
            {
                _entries.Remove(installationId);
            }
        }
    }

    private async Task FillAsync(long installationId, Entry entry, Func<CancellationToken, Task<InstallationAccessToken>> fetch)
    {
        try
        {
            var token = await fetch(CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                entry.Value = token;
            }

            entry.Completion.TrySetResult(token);
        }
#pragma warning disable CA1031 // Any failure goes to every waiter; nothing is swallowed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(installationId, out var current) && ReferenceEquals(current, entry))
                {
                    _entries.Remove(installationId);
                }
            }

            entry.Completion.TrySetException(ex);
        }
    }

    private sealed class Entry
    {
        public TaskCompletionSource<InstallationAccessToken> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The fetched token; read and written under the cache's lock.</summary>
        public InstallationAccessToken? Value { get; set; }

        public bool IsStale(DateTimeOffset now) => Value is { } token && now >= token.ExpiresAt - RefreshBefore;
    }
}
