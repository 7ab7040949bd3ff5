namespace GitGrader.Storage;

/// <summary>A verified webhook delivery, as received.</summary>
/// <param name="DeliveryId"><c>X-GitHub-Delivery</c>: GitHub's redeliveries repeat it.</param>
/// <param name="EventName"><c>X-GitHub-Event</c>.</param>
/// <param name="ReceivedAt">When our endpoint received it.</param>
public sealed record IncomingDelivery(string DeliveryId, string EventName, DateTimeOffset ReceivedAt);
