namespace GitGrader.GitHubStandIn.State;

/// <summary>
/// GitHub's secondary rate limit on content-creating requests ("no more than 80 content-generating requests per minute
/// and no more than 500 per hour"), simulated: at most <c>limit</c> such requests in any <c>window</c> (on the wall
/// clock, so it runs out while a test waits); past that, GitHub's 403 with <c>retry-after</c>. Off until configured.
/// Thread-safe.
/// </summary>
internal sealed class ContentCreationLimiter
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private int _limit;
    private TimeSpan _window;

    /// <summary>Refusals so far.</summary>
    public int Refused { get; private set; }

    /// <summary>Sets the limit (0 turns it off) and forgets the requests counted so far.</summary>
    public void Configure(int limit, TimeSpan window)
    {
        lock (_lock)
        {
            _limit = limit;
            _window = window;
            _recent.Clear();
        }
    }

    /// <summary>Counts one content-creating request: null when it may go ahead, else how long until it could.</summary>
    public TimeSpan? TryAcquire(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_limit <= 0)
            {
                return null;
            }

            while (_recent.Count > 0 && _recent.Peek() <= now - _window)
            {
                _recent.Dequeue();
            }

            if (_recent.Count < _limit)
            {
                _recent.Enqueue(now);
                return null;
            }

            Refused++;
            var wait = _recent.Peek() + _window - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }
}
