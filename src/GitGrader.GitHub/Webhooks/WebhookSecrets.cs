namespace GitGrader.GitHub.Webhooks;

/// <summary>
/// The secrets a delivery may be signed with: the current one and, while the App's webhook secret is being rotated,
/// the one being retired, so that no delivery is refused while GitHub and the front-ends change over.
/// </summary>
public sealed class WebhookSecrets
{
    private readonly string _current;
    private readonly string? _previous;

    /// <summary>Creates the set; an empty <paramref name="previous"/> is none.</summary>
    public WebhookSecrets(string current, string? previous = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(current);
        _current = current;
        _previous = string.IsNullOrEmpty(previous) ? null : previous;
    }

    /// <summary>True while a previous secret is accepted too.</summary>
    public bool IsRotating => _previous is not null;

    /// <summary>From <see cref="GitHubAppOptions.WebhookSecret"/> and <see cref="GitHubAppOptions.PreviousWebhookSecret"/>.</summary>
    public static WebhookSecrets From(GitHubAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new WebhookSecrets(
            string.IsNullOrEmpty(options.WebhookSecret) ? throw new InvalidOperationException($"{GitHubAppOptions.ConfigurationKey}:WebhookSecret is not set.") : options.WebhookSecret,
            options.PreviousWebhookSecret);
    }

    /// <summary>Which secret <paramref name="signatureHeader"/> (<c>X-Hub-Signature-256</c>) signs <paramref name="body"/> with.</summary>
    public WebhookSecretMatch Match(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (WebhookSignature.IsValid(body, signatureHeader, _current))
        {
            return WebhookSecretMatch.Current;
        }

        return _previous is not null && WebhookSignature.IsValid(body, signatureHeader, _previous)
            ? WebhookSecretMatch.Previous
            : WebhookSecretMatch.None;
    }
}
