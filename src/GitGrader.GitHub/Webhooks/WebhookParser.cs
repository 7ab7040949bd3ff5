namespace GitGrader.GitHub.Webhooks;

/// <summary>Turns a verified delivery into a <see cref="WebhookEvent"/>.</summary>
public static class WebhookParser
{
    /// <summary>Parses the body of an <c>X-GitHub-Event: <paramref name="eventName"/></c> delivery.</summary>
    /// <exception cref="WebhookPayloadException">Not JSON, or a field GitGrader needs is missing or of the wrong type (the message names it).</exception>
    public static WebhookEvent Parse(string eventName, ReadOnlySpan<byte> body) => throw new NotImplementedException();
}
