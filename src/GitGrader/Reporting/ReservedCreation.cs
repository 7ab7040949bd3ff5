using GitGrader.Storage;

namespace GitGrader.Reporting;

/// <summary>
/// Creates a thing there must be exactly one of on GitHub (a check run, a feedback comment) under a store
/// reservation: the caller granted it creates and stores the id; a caller finding it held elsewhere waits for
/// that id (or, when <c>wait</c> is false, goes without). A hold not fulfilled in <see cref="Hold"/> (its holder
/// crashed mid-create) passes to the next caller, whose create looks on GitHub first. A create that fails, or
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

    /// <summary>A holder name unique to one call, that says which host and process held it.</summary>
    public static string NewHolder() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>The thing's id: stored, created by this call, or (when <paramref name="wait"/>) created by the caller holding it. Null when not waiting, or when <paramref name="create"/> created nothing.</summary>
    public async Task<long?> GetOrCreateAsync(
        Func<string, CancellationToken, Task<Reservation>> reserve,
        Func<string, CancellationToken, Task> release,
        Func<CancellationToken, Task<long?>> create,
        bool wait,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reserve);
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(create);
        var holder = NewHolder();
        while (true)
        {
            var reservation = await reserve(holder, cancellationToken).ConfigureAwait(false);
            switch (reservation.State)
            {
                case ReservationState.Exists:
                    return reservation.ExistingId;
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
