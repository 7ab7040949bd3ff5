namespace GitGrader.GitHub.Webhooks;

/// <summary><c>X-Hub-Signature-256</c>: <c>sha256=</c> and the hex HMAC-SHA256 of the raw body under the webhook secret.</summary>
public static class WebhookSignature
{
    /// <summary>True when <paramref name="header"/> is a well-formed signature of <paramref name="body"/> under <paramref name="secret"/>; compared in constant time.</summary>
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string secret) => throw new NotImplementedException();

    /// <summary>The header value for <paramref name="body"/> under <paramref name="secret"/> (for the stand-in and tests).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) => throw new NotImplementedException();
}
