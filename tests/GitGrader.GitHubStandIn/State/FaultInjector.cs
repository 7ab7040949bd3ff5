namespace GitGrader.GitHubStandIn.State;

/// <summary>Failures queued by the test, consumed by REST requests in order. Thread-safe.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private readonly List<FaultRule> _rules = [];

    /// <summary>Queues a rule.</summary>
    public void Add(int count, int status, string? pathContains, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_lock)
        {
            _rules.Add(new FaultRule(status, pathContains, retryAfter) { Remaining = count });
        }
    }

    /// <summary>Queues an outage: every matching request fails with <paramref name="status"/> until <paramref name="until"/>.</summary>
    public void AddOutage(DateTimeOffset until, int status, string? pathContains)
    {
        lock (_lock)
        {
            _rules.Add(new FaultRule(status, pathContains, null) { Remaining = int.MaxValue, Until = until });
        }
    }

    /// <summary>The first rule that matches <paramref name="path"/>, consumed once; null when none.</summary>
    public FaultRule? TryTake(string path)
    {
        lock (_lock)
        {
            _rules.RemoveAll(r => r.Until is { } until && until <= DateTimeOffset.UtcNow);
            var rule = _rules.FirstOrDefault(r => r.PathContains is null || path.Contains(r.PathContains, StringComparison.Ordinal));
            if (rule is null)
            {
                return null;
            }

            if (rule.Until is null && --rule.Remaining == 0)
            {
                _rules.Remove(rule);
            }

            return rule;
        }
    }
}
