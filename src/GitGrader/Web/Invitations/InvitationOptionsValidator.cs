using GitGrader.GitHub;
using Microsoft.Extensions.Options;

namespace GitGrader.Web.Invitations;

/// <summary>Checks <see cref="InvitationOptions"/> at start, naming each bad key; <c>Serve:PublicUrl</c> is required once sign-in is configured.</summary>
internal sealed class InvitationOptionsValidator(IOptions<GitHubAppOptions> gitHub) : IValidateOptions<InvitationOptions>
{
    private const string Section = InvitationOptions.ConfigurationKey;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, InvitationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PublicUrl is { } url)
        {
            if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
            {
                failures.Add($"{Section}:PublicUrl must be the absolute http(s) address students reach this server at, e.g. https://grader.example.edu/; it is '{url}'.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(gitHub.Value.ClientId))
        {
            failures.Add($"{Section}:PublicUrl is required when {GitHubAppOptions.ConfigurationKey}:ClientId is set: the address students reach this server at, e.g. https://grader.example.edu/ (the App's callback URL is that address followed by {InvitationOptions.CallbackPath}).");
        }

        if (string.IsNullOrWhiteSpace(options.KeysFolder))
        {
            failures.Add($"{Section}:KeysFolder must name a folder for the keys that protect sign-in cookies (shared by every serve process).");
        }

        CheckCertificate(failures, nameof(options.KeysCertificate), options.KeysCertificate, nameof(options.KeysCertificatePassword), options.KeysCertificatePassword);
        CheckCertificate(failures, nameof(options.KeysPreviousCertificate), options.KeysPreviousCertificate, nameof(options.KeysPreviousCertificatePassword), options.KeysPreviousCertificatePassword);
        if (string.IsNullOrWhiteSpace(options.KeysCertificate) && !string.IsNullOrWhiteSpace(options.KeysPreviousCertificate))
        {
            failures.Add($"{Section}:KeysPreviousCertificate is set but {Section}:KeysCertificate is not: the previous certificate only reads keys; name the one that encrypts new keys.");
        }

        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:SessionLifetime must be positive; it is {options.SessionLifetime}.");
        }

        if (options.RefreshInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Section}:RefreshInterval must be at least 1 second; it is {options.RefreshInterval}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckCertificate(List<string> failures, string key, string? path, string passwordKey, string? password)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            try
            {
                using var certificate = KeysCertificate.Load(path, password, $"{Section}:{passwordKey}");
            }
            catch (InvalidDataException ex)
            {
                failures.Add($"{Section}:{key} {ex.Message}");
            }
        }
        else if (!string.IsNullOrEmpty(password))
        {
            failures.Add($"{Section}:{passwordKey} is set but {Section}:{key} is not: name the PKCS#12 file the password opens.");
        }
    }
}
