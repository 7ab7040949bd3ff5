namespace GitGrader.Storage;

/// <summary>
/// The store's answer to "may I create this on GitHub?" for a thing there must be exactly one of
/// (a job's check run, the feedback comment of a pull request), across every process sharing the store.
/// </summary>
/// <param name="State">Exists, granted, or held by another caller.</param>
/// <param name="ExistingId">GitHub's id of the thing, when it <see cref="ReservationState.Exists"/>.</param>
/// <param name="Holder">Who holds it, when <see cref="ReservationState.HeldElsewhere"/>.</param>
public readonly record struct Reservation(ReservationState State, long? ExistingId, string? Holder = null)
{
    /// <summary>The caller may create it.</summary>
    public static Reservation Granted { get; } = new(ReservationState.Granted, null);

    /// <summary>Another caller is creating it.</summary>
    public static Reservation HeldElsewhere { get; } = new(ReservationState.HeldElsewhere, null);

    /// <summary><paramref name="holder"/> is creating it.</summary>
    public static Reservation HeldBy(string holder) => new(ReservationState.HeldElsewhere, null, holder);

    /// <summary>It exists as <paramref name="id"/>.</summary>
    public static Reservation Exists(long id) => new(ReservationState.Exists, id);
}
