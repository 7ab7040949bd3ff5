using GitGrader.Core.Processes;
using GitGrader.Reporting;
using GitGrader.Storage;

namespace GitGrader.AppTests.Units;

/// <summary>The wait-or-create rule over a store reservation, driven by scripted answers.</summary>
public sealed class ReservedCreationTests
{
    private readonly ReservedCreation _creation = new(TimeProvider.System);
    private readonly List<string> _released = [];
    private int _creates;

    private Task Release(string holder, CancellationToken _)
    {
        _released.Add(holder);
        return Task.CompletedTask;
    }

    private Func<string, string?, CancellationToken, Task<Reservation>> Answers(params Reservation[] answers)
    {
        var queue = new Queue<Reservation>(answers);
        return (_, _, _) => Task.FromResult(queue.Count > 1 ? queue.Dequeue() : queue.Peek());
    }

    private Task<long?> Create(long? id)
    {
        _creates++;
        return Task.FromResult(id);
    }

    [Fact]
    public async Task Exists_ReturnsTheStoredId_CreatesNothing()
    {
        var id = await _creation.GetOrCreateAsync(Answers(Reservation.Exists(5)), Release, _ => Create(9), wait: true, CancellationToken.None);

        Assert.Equal(5, id);
        Assert.Equal(0, _creates);
    }

    [Fact]
    public async Task HeldElsewhere_Waiting_PollsUntilTheHolderStoredItsId()
    {
        var id = await _creation.GetOrCreateAsync(
            Answers(Reservation.HeldElsewhere, Reservation.HeldElsewhere, Reservation.Exists(7)), Release, _ => Create(9), wait: true, CancellationToken.None);

        Assert.Equal(7, id);
        Assert.Equal(0, _creates);
    }

    [Fact]
    public async Task HeldElsewhere_Waiting_CreatesOnceTheHoldPassesToIt()
    {
        var id = await _creation.GetOrCreateAsync(Answers(Reservation.HeldElsewhere, Reservation.Granted), Release, _ => Create(9), wait: true, CancellationToken.None);

        Assert.Equal(9, id);
        Assert.Equal(1, _creates);
        Assert.Empty(_released);
    }

    [Fact]
    public async Task HeldElsewhere_NotWaiting_GoesWithout()
    {
        var id = await _creation.GetOrCreateAsync(Answers(Reservation.HeldElsewhere), Release, _ => Create(9), wait: false, CancellationToken.None);

        Assert.Null(id);
        Assert.Equal(0, _creates);
    }

    [Fact]
    public async Task Granted_CreateFails_ReleasesTheHoldAndThrows()
    {
        string? holder = null;
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _creation.GetOrCreateAsync(
            (h, _, _) =>
            {
                holder = h;
                return Task.FromResult(Reservation.Granted);
            },
            Release,
            _ => throw new HttpRequestException("GitHub is down"),
            wait: true,
            CancellationToken.None));

        Assert.Equal("GitHub is down", error.Message);
        Assert.Equal(holder, Assert.Single(_released));
    }

    [Fact]
    public async Task Granted_CreateDecidesOnNothing_ReleasesTheHold()
    {
        var id = await _creation.GetOrCreateAsync(Answers(Reservation.Granted), Release, _ => Create(null), wait: false, CancellationToken.None);

        Assert.Null(id);
        Assert.Single(_released);
    }

    [Fact]
    public async Task HeldElsewhere_Waiting_StopsWhenCancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _creation.GetOrCreateAsync(Answers(Reservation.HeldElsewhere), Release, _ => Create(9), wait: true, cancel.Token));
        Assert.Equal(0, _creates);
    }

    [Fact]
    public void NewHolder_NamesThisProcess_AndDiffersEachCall_AndIsNotDead()
    {
        var first = ReservedCreation.NewHolder();

        Assert.StartsWith($"{LocalProcess.Current}#", first, StringComparison.Ordinal);
        Assert.NotEqual(first, ReservedCreation.NewHolder());
        Assert.False(ReservedCreation.IsDead(first));
        Assert.False(ReservedCreation.IsDead("another-host/1@1#abc"));
        Assert.False(ReservedCreation.IsDead(null));
        Assert.True(ReservedCreation.IsDead($"{LocalProcess.Describe(Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow.AddDays(-1))}#abc"));
    }

    [Fact]
    public async Task HeldByADeadProcessOnThisHost_TakenOverAtOnce_ReplacingIt()
    {
        var dead = $"{LocalProcess.Describe(Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow.AddDays(-1))}#call";
        var asked = new List<string?>();

        var id = await _creation.GetOrCreateAsync(
            (_, replacing, _) =>
            {
                asked.Add(replacing);
                return Task.FromResult(replacing == dead ? Reservation.Granted : Reservation.HeldBy(dead));
            },
            Release,
            _ => Create(9),
            wait: false,
            CancellationToken.None);

        Assert.Equal(9, id);
        Assert.Equal([null, dead], asked);
    }
}
