using GitGrader.GitHub.Auth;
using Microsoft.Extensions.Options;

namespace GitGrader.GitHub;

/// <summary>Checks <see cref="GitHubAppOptions"/> at start, naming each bad key as configuration spells it.</summary>
internal sealed class GitHubAppOptionsValidator(string sectionPath) : IValidateOptions<GitHubAppOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GitHubAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.AppId <= 0)
        {
            failures.Add($"{sectionPath}:AppId must be the App's numeric id (> 0); it is {options.AppId}.");
        }

        if (string.IsNullOrWhiteSpace(options.PrivateKeyPath))
        {
            failures.Add($"{sectionPath}:PrivateKeyPath must name the App's private key file (PEM).");
        }
        else if (!File.Exists(options.PrivateKeyPath))
        {
            failures.Add($"{sectionPath}:PrivateKeyPath '{options.PrivateKeyPath}' does not exist.");
        }
        else
        {
            try
            {
                AppPrivateKey.Load(options.PrivateKeyPath).Dispose();
            }
            catch (InvalidOperationException ex)
            {
                failures.Add($"{sectionPath}:PrivateKeyPath: {ex.Message}");
            }
        }

        if (string.IsNullOrEmpty(options.WebhookSecret))
        {
            failures.Add($"{sectionPath}:WebhookSecret must be set (the secret entered in the App's webhook settings).");
        }
        else if (string.Equals(options.PreviousWebhookSecret, options.WebhookSecret, StringComparison.Ordinal))
        {
            failures.Add($"{sectionPath}:PreviousWebhookSecret is the same as {sectionPath}:WebhookSecret: set it to the secret being retired during a rotation, or remove it.");
        }

        if (options.ApiBaseUrl is null || !options.ApiBaseUrl.IsAbsoluteUri || !options.ApiBaseUrl.AbsolutePath.EndsWith('/') || options.ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add($"{sectionPath}:ApiBaseUrl must be an absolute http(s) URL ending with '/', e.g. https://api.github.com/ or https://HOST/api/v3/; it is '{options.ApiBaseUrl}'.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) != string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add(string.IsNullOrWhiteSpace(options.ClientId)
                ? $"{sectionPath}:ClientSecret is set but {sectionPath}:ClientId is not: set both (the App's client id and a client secret from its settings) for invitation links, or neither."
                : $"{sectionPath}:ClientId is set but {sectionPath}:ClientSecret is not: generate a client secret in the App's settings and set it, or remove {sectionPath}:ClientId.");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add($"{sectionPath}:MaxAttempts must be at least 1; it is {options.MaxAttempts}.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add($"{sectionPath}:RetryBaseDelay must not be negative.");
        }

        if (options.MaxRateLimitWait < TimeSpan.Zero)
        {
            failures.Add($"{sectionPath}:MaxRateLimitWait must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
