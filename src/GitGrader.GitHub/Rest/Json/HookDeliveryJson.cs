namespace GitGrader.GitHub.Rest.Json;

/// <summary>
/// An item of <c>GET /app/hook/deliveries</c> as GitHub sends it, read by Octokit's serializer (snake_case onto these
/// names); Octokit has no model for it. Every member may be missing: <see cref="GitHubClient"/> demands the ones it reads.
/// </summary>
internal sealed class HookDeliveryJson
{
    public long? Id { get; set; }

    public string? Guid { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public bool? Redelivery { get; set; }

    public int? StatusCode { get; set; }

    public string? Event { get; set; }

    public string? Action { get; set; }
}
