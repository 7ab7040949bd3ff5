namespace GitGrader.Storage.Sql;

/// <summary>A reservable thing's stored id and current holder, as read inside the reserving transaction.</summary>
internal sealed record HoldRow(long? Id, string? Holder)
{
    public Reservation ToReservation(string caller) =>
        Id is { } id ? Reservation.Exists(id)
        : Holder == caller ? Reservation.Granted
        : Holder is null ? Reservation.HeldElsewhere : Reservation.HeldBy(Holder);
}
