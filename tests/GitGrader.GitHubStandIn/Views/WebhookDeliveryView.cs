using System.Text;
using System.Text.Json.Nodes;

namespace GitGrader.GitHubStandIn;

/// <summary>One webhook delivery attempt (a redelivery is a further entry with the same <see cref="Id"/>).</summary>
/// <param name="Id">X-GitHub-Delivery.</param>
/// <param name="Event">X-GitHub-Event.</param>
/// <param name="Action">The payload's <c>action</c>, when any.</param>
/// <param name="Body">The exact bytes sent (and signed).</param>
/// <param name="Headers">The headers sent.</param>
/// <param name="Status">The receiver's status; null when nothing answered.</param>
/// <param name="ElapsedMilliseconds">Time until the answer (or the failure).</param>
/// <param name="Error">Why it failed without an answer (no WebhookUrl, timeout, connection refused…).</param>
/// <param name="ResponseBody">The receiver's answer body (first 64 KiB), when it answered.</param>
/// <param name="IsRedelivery">Sent by <see cref="GitHubStandIn.RedeliverAsync"/>.</param>
/// <param name="At">When it was sent.</param>
public sealed record WebhookDeliveryView(
    Guid Id,
    string Event,
    string? Action,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string> Headers,
    int? Status,
    long ElapsedMilliseconds,
    string? Error,
    string? ResponseBody,
    bool IsRedelivery,
    DateTimeOffset At)
{
    /// <summary>The receiver answered 2xx.</summary>
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The body as text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>The body parsed.</summary>
    public JsonNode Payload() => JsonNode.Parse(Body.Span) ?? throw new InvalidOperationException("Empty payload.");

    /// <inheritdoc />
    public override string ToString() =>
        $"delivery {Id} {Event}{(Action is null ? string.Empty : "." + Action)} → {(Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Error)}{(IsRedelivery ? " (redelivery)" : string.Empty)}";
}
