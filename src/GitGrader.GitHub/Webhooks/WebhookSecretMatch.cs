namespace GitGrader.GitHub.Webhooks;

/// <summary>Which of the configured webhook secrets a delivery's signature matched.</summary>
public enum WebhookSecretMatch
{
    /// <summary>Neither: the signature is missing, malformed or forged.</summary>
    None,

    /// <summary><c>GitHub:WebhookSecret</c>, the current secret.</summary>
    Current,

    /// <summary><c>GitHub:PreviousWebhookSecret</c>, the secret being retired during a rotation.</summary>
    Previous,
}
