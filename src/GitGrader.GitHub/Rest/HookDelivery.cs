namespace GitGrader.GitHub.Rest;

/// <summary>One attempt GitHub made to deliver an event to the App's webhook (<c>GET /app/hook/deliveries</c>).</summary>
/// <param name="Id">The attempt's id (what a redelivery is asked for by).</param>
/// <param name="Guid">The event's id, the <c>X-GitHub-Delivery</c> header: shared by the first attempt and every redelivery.</param>
/// <param name="DeliveredAt">When GitHub made the attempt.</param>
/// <param name="Redelivery">Whether it was a redelivery.</param>
/// <param name="StatusCode">The webhook's HTTP status; 0 when nothing answered.</param>
/// <param name="Event">The event (<c>push</c>, <c>pull_request</c>…).</param>
/// <param name="Action">The event's action, when it has one.</param>
public sealed record HookDelivery(long Id, string Guid, DateTimeOffset DeliveredAt, bool Redelivery, int StatusCode, string Event, string? Action)
{
    /// <summary>The webhook answered 2xx.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
