namespace GitGrader.GitHubStandIn.Webhooks;

/// <summary>A delivery ready to send: its id, event, action and exact body.</summary>
internal sealed record PreparedWebhook(Guid Id, string Event, string? Action, byte[] Body, bool IsRedelivery);
