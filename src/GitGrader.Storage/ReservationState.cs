namespace GitGrader.Storage;

/// <summary>What a <see cref="Reservation"/> says about the thing to create.</summary>
public enum ReservationState
{
    /// <summary>It exists already: use <see cref="Reservation.ExistingId"/>.</summary>
    Exists,

    /// <summary>It does not exist and the caller holds the right to create it, until it stores the id or releases.</summary>
    Granted,

    /// <summary>Another caller, in this process or another, holds the right to create it now: wait for its id.</summary>
    HeldElsewhere,
}
