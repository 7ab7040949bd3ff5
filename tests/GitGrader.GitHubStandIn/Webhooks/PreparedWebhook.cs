namespace GitGrader.GitHubStandIn.Webhooks;

/// <summary>A delivery ready to send: its id, event, action and exact body.</summary>
/// <param name="Id">X-GitHub-Delivery.</param>
/// <param name="Event">X-GitHub-Event.</param>
/// <param name="Action">The payload's action.</param>
/// <param name="Body">The exact bytes.</param>
/// <param name="IsRedelivery">Sent again by request.</param>
/// <param name="BuiltByStandIn">The stand-in made the payload, so it is checked against GitHub's webhook schema before sending.</param>
internal sealed record PreparedWebhook(Guid Id, string Event, string? Action, byte[] Body, bool IsRedelivery, bool BuiltByStandIn = false);
