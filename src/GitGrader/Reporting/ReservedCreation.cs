using GitGrader.Core.Processes;
using GitGrader.Storage;

namespace GitGrader.Reporting;

/// <summary>
/// Creates a thing there must be exactly one of on GitHub (a check run, a feedback comment) under a store
/// reservation: the caller granted it creates and stores the id; a caller finding it held elsewhere waits for
/// that id (or, when <c>wait</c> is false, goes without). A hold not fulfilled in <see cref="Hold"/> (its holder
/// crashed mid-create) passes to the next caller, whose create looks on GitHub first; so does, at once, a hold of a process
/// on this host that no longer runs. A create that fails, or
/// decides to create nothing (returns null), releases the hold, so nobody waits it out.
/// </summary>
public sealed class ReservedCreation
{
    /// <summary>How long a hold lasts: far longer than one create on GitHub with its retries takes.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly TimeProvider _time;

    /// <summary>Creates the helper.</summary>
    public ReservedCreation(TimeProvider time) => _time = time;

    /// <summary>A holder name unique to one call, that says which process held it (<see cref="LocalProcess"/>): <c>host/pid@start#call</c>.</summary>
    public static string NewHolder() => $"{LocalProcess.Current}#{Guid.NewGuid():N}";

    /// <summary>True when <paramref name="holder"/> was a process on this host that no longer runs (it crashed mid-create).</summary>
    public static bool IsDead(string? holder)
    {
        var hash = holder?.LastIndexOf('#') ?? -1;
        return hash > 0 && LocalProcess.IsGone(holder![..hash]);
    }

    /// <summary>The thing's id: stored, created by this call, or (when <paramref name="wait"/>) created by the caller holding it. Null when not waiting, or when <paramref name="create"/> created nothing.</summary>
    public async Task<long?> GetOrCreateAsync(
        Func<string, string?, CancellationToken, Task<Reservation>> reserve,
        Func<string, CancellationToken, Task> release,
        Func<CancellationToken, Task<long?>> create,
        bool wait,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reserve);
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(create);
        var holder = NewHolder();
        string? replacing = null;
        while (true)
        {
            var reservation = await reserve(holder, replacing, cancellationToken).ConfigureAwait(false);
            switch (reservation.State)
            {
                case ReservationState.Exists:
                    return reservation.ExistingId;
                case ReservationState.HeldElsewhere when IsDead(reservation.Holder) && reservation.Holder != replacing:
                    // Its holder died on this host (a restart follows a crash): take it over now, not when the hold runs out.
                    replacing = reservation.Holder;
                    continue;
                case ReservationState.HeldElsewhere when !wait:
                    return null;
                case ReservationState.HeldElsewhere:
                    await Task.Delay(Poll, _time, cancellationToken).ConfigureAwait(false);
                    continue;
            }

            try
            {
                var created = await create(cancellationToken).ConfigureAwait(false);
                if (created is null)
                {
                    await ReleaseQuietlyAsync(release, holder).ConfigureAwait(false);
                }

                return created;
            }
            catch
            {
                await ReleaseQuietlyAsync(release, holder).ConfigureAwait(false);
                throw;
            }
        }
    }

    private static async Task ReleaseQuietlyAsync(Func<string, CancellationToken, Task> release, string holder)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await release(holder, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The store is unreachable too: the hold runs out by itself.
        }
    }
}
