using System.Security.Cryptography;
using System.Text;

namespace GitGrader.GitHub.OAuth;

/// <summary>PKCE (RFC 7636) with S256, and the random <c>state</c>: base64url without padding.</summary>
public static class Pkce
{
    /// <summary>A fresh code verifier (32 random bytes: 43 characters).</summary>
    public static string NewVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A fresh <c>state</c> (32 random bytes).</summary>
    public static string NewState() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary><c>BASE64URL(SHA256(ASCII(verifier)))</c>.</summary>
    public static string ChallengeOf(string verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        return Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
