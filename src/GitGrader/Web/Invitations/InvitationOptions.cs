namespace GitGrader.Web.Invitations;

/// <summary>How <c>serve</c> serves the invitation links <c>/a/{slug}</c> (configuration section <c>Serve</c>).</summary>
public sealed class InvitationOptions
{
    /// <summary>Configuration section.</summary>
    public const string ConfigurationKey = "Serve";

    /// <summary>The callback path GitHub sends a signed-in student back to, under <see cref="PublicUrl"/>: the App's "Callback URL".</summary>
    public const string CallbackPath = "oauth/callback";

    /// <summary>
    /// The address students reach this server at, e.g. <c>https://grader.example.edu/</c> (behind a proxy, the proxy's):
    /// invitation links are <c>{PublicUrl}a/{slug}</c> and GitHub sends students back to <c>{PublicUrl}oauth/callback</c>.
    /// Required when <c>GitHub:ClientId</c> is set.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>
    /// Where the keys that protect the sign-in cookies are kept (ASP.NET Core Data Protection): several <c>serve</c> processes
    /// behind one address must share this folder (or a copy of it). Default: <c>gitgrader-keys</c> in the current folder.
    /// </summary>
    public string KeysFolder { get; set; } = "gitgrader-keys";

    /// <summary>
    /// A PKCS#12 file (<c>.pfx</c>/<c>.p12</c>) holding an RSA certificate and its private key. When set, the keys in
    /// <see cref="KeysFolder"/> are encrypted with it at rest, so a copy of the folder alone protects nothing; every
    /// <c>serve</c> process needs the same file. Unset (the default), the keys are stored unencrypted.
    /// </summary>
    public string? KeysCertificate { get; set; }

    /// <summary>The password of <see cref="KeysCertificate"/>, if it has one (best from the environment: <c>GITGRADER_Serve__KeysCertificatePassword</c>).</summary>
    public string? KeysCertificatePassword { get; set; }

    /// <summary>
    /// The certificate used before <see cref="KeysCertificate"/>, kept for reading only while its keys live (Data Protection
    /// keys last 90 days): students signed in under it stay signed in after a change of certificate. A PKCS#12 file.
    /// </summary>
    public string? KeysPreviousCertificate { get; set; }

    /// <summary>The password of <see cref="KeysPreviousCertificate"/>, if it has one.</summary>
    public string? KeysPreviousCertificatePassword { get; set; }

    /// <summary>How long a student stays signed in to the invitation pages (not to GitHub).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often the progress page reloads itself while the repository is being made.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary><see cref="PublicUrl"/> with a trailing slash, so relative paths resolve under it.</summary>
    public Uri BaseUrl => PublicUrl is null ? new Uri("http://localhost/") : new Uri(PublicUrl.AbsoluteUri.TrimEnd('/') + "/");

    /// <summary>The redirect URI sent to GitHub: <c>{PublicUrl}oauth/callback</c>.</summary>
    public Uri CallbackUrl => new(BaseUrl, CallbackPath);
}
