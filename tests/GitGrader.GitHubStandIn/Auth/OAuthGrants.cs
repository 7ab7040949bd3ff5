using System.Security.Cryptography;
using System.Text;

namespace GitGrader.GitHubStandIn.Auth;

/// <summary>
/// The App's user authorization (OAuth web flow): its client secret and callback URL, who the browser is signed in as,
/// and the codes handed out, each single-use and valid for 10 minutes (GitHub's rules). Thread-safe.
/// </summary>
internal sealed class OAuthGrants(TimeProvider clock)
{
    /// <summary>How long a code may be exchanged (GitHub: 10 minutes).</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, OAuthCode> _codes = new(StringComparer.Ordinal);
    private string? _signedInAs;
    private Uri? _callbackUrl;

    /// <summary>The App's client secret.</summary>
    public string ClientSecret { get; } = RandomNumberGenerator.GetHexString(40, lowercase: true);

    /// <summary>Who the browser is signed in to GitHub as; null: the sign-in page asks.</summary>
    public string? SignedInAs
    {
        get => Volatile.Read(ref _signedInAs);
        set => Volatile.Write(ref _signedInAs, value);
    }

    /// <summary>The App's callback URL; null: any redirect_uri is accepted.</summary>
    public Uri? CallbackUrl
    {
        get => Volatile.Read(ref _callbackUrl);
        set => Volatile.Write(ref _callbackUrl, value);
    }

    /// <summary>Codes exchanged (successfully or not) so far.</summary>
    public int Exchanges { get; private set; }

    /// <summary>GitHub's rule: the redirect_uri is the callback URL or below it (same scheme, host and port).</summary>
    public bool RedirectAllowed(string redirectUri)
    {
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return CallbackUrl is not { } callback
            || (Uri.Compare(uri, callback, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
                && uri.AbsolutePath.StartsWith(callback.AbsolutePath, StringComparison.Ordinal));
    }

    /// <summary>A new code for <paramref name="login"/>.</summary>
    public string Issue(string login, string clientId, string redirectUri, string? challenge)
    {
        var code = RandomNumberGenerator.GetHexString(20, lowercase: true);
        lock (_lock)
        {
            _codes[code] = new OAuthCode(login, clientId, redirectUri, challenge, clock.GetUtcNow() + CodeLifetime);
        }

        return code;
    }

    /// <summary>Takes a code (it cannot be used again, whatever the exchange gives); null when unknown, used or expired.</summary>
    public OAuthCode? Take(string code)
    {
        lock (_lock)
        {
            Exchanges++;
            return _codes.Remove(code, out var found) && found.ExpiresAt > clock.GetUtcNow() ? found : null;
        }
    }

    /// <summary>PKCE S256: <c>BASE64URL(SHA256(verifier)) == challenge</c>.</summary>
    public static bool VerifierMatches(string challenge, string? verifier)
    {
        if (string.IsNullOrEmpty(verifier) || verifier.Length is < 43 or > 128)
        {
            return false;
        }

        var computed = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }
}
