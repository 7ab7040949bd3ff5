namespace GitGrader.GitHub.Webhooks;

/// <summary>A webhook body that is not the JSON its event promises; the message says what is wrong and where (JSON path).</summary>
public sealed class WebhookPayloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebhookPayloadException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public WebhookPayloadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public WebhookPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
