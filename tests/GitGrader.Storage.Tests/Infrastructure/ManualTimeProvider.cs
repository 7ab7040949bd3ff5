namespace GitGrader.Storage.Tests.Infrastructure;

/// <summary>A clock the test moves by hand; safe to read from many threads.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

    public void Set(DateTimeOffset now)
    {
        lock (_lock)
        {
            _now = now;
        }
    }
}
