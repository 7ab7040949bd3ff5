namespace GitGrader.GitHubStandIn.State;

/// <summary>
/// GitHub's secondary rate limit on content-creating requests ("no more than 80 content-generating requests per minute
/// and no more than 500 per hour"), simulated: for each rule, at most <c>limit</c> such requests in any <c>window</c> (on
/// the wall clock, so it runs out while a test waits); past that, GitHub's 403 with <c>retry-after</c>. Off until
/// configured. Thread-safe.
/// </summary>
internal sealed class ContentCreationLimiter
{
    private readonly Lock _lock = new();
    private readonly List<DateTimeOffset> _recent = [];
    private IReadOnlyList<(int Limit, TimeSpan Window)> _rules = [];

    /// <summary>Refusals so far.</summary>
    public int Refused { get; private set; }

    /// <summary>Sets the rules (none turns the limit off) and forgets the requests counted so far.</summary>
    public void Configure(IReadOnlyList<(int Limit, TimeSpan Window)> rules)
    {
        lock (_lock)
        {
            _rules = [.. rules.Where(r => r.Limit > 0)];
            _recent.Clear();
        }
    }

    /// <summary>Counts one content-creating request: null when it may go ahead, else how long until it could.</summary>
    public TimeSpan? TryAcquire(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_rules.Count == 0)
            {
                return null;
            }

            var longest = _rules.Max(r => r.Window);
            _recent.RemoveAll(t => t <= now - longest);
            TimeSpan? wait = null;
            foreach (var (limit, window) in _rules)
            {
                var inWindow = _recent.Where(t => t > now - window).ToList();
                if (inWindow.Count >= limit)
                {
                    var free = inWindow[inWindow.Count - limit] + window - now;
                    wait = wait is { } other && other > free ? other : free;
                }
            }

            if (wait is null)
            {
                _recent.Add(now);
                return null;
            }

            Refused++;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }
}
