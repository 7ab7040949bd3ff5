namespace GitGrader.GitHub;

/// <summary>How GitGrader talks to GitHub as an App (configuration section <c>GitHub</c>).</summary>
public sealed class GitHubAppOptions
{
    /// <summary>Configuration section.</summary>
    public const string ConfigurationKey = "GitHub";

    /// <summary>REST API base URL: <c>https://api.github.com/</c>, or <c>https://HOST/api/v3/</c> on GitHub Enterprise Server, or a test stand-in.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.github.com/");

    /// <summary>The App's numeric id (App settings, "About").</summary>
    public long AppId { get; set; }

    /// <summary>Path of the App's private key (PEM, PKCS#1 or PKCS#8) that signs the App JWT.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The webhook secret set on the App; verifies <c>X-Hub-Signature-256</c>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// The secret being retired while the App's webhook secret is rotated: deliveries signed with it are accepted
    /// too, until it is removed. Unset (or empty) outside a rotation.
    /// </summary>
    public string? PreviousWebhookSecret { get; set; }

    /// <summary>The App's slug; pushes whose sender is <c>{slug}[bot]</c> are the App's own and ignored. Read from <c>GET /app</c> when empty.</summary>
    public string? AppSlug { get; set; }

    /// <summary>
    /// The App's client id (App settings, "About"; not the App id): the invitation links' "Sign in with GitHub" (the App's
    /// user authorization, OAuth web flow). Unset: invitation links are off.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>A client secret generated in the App's settings, for exchanging a sign-in's code; never logged or shown. Set with <see cref="ClientId"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>How many times a request is tried in all on 5xx or rate limits.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff on 5xx; doubles each retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait the client accepts for a rate limit to reset before giving up.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(2);
}
