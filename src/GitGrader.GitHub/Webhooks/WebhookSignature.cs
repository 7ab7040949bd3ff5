using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace GitGrader.GitHub.Webhooks;

/// <summary><c>X-Hub-Signature-256</c>: <c>sha256=</c> and the hex HMAC-SHA256 of the raw body under the webhook secret.</summary>
public static class WebhookSignature
{
    private const string Prefix = "sha256=";
    private const int DigestLength = 32;
    private static readonly SearchValues<char> LowercaseHex = SearchValues.Create("0123456789abcdef");

    /// <summary>True when <paramref name="header"/> is a well-formed signature of <paramref name="body"/> under <paramref name="secret"/>; compared in constant time.</summary>
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (header is null || header.Length != Prefix.Length + (DigestLength * 2) || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        // GitHub (and @octokit/webhooks-methods' verify, which compares the header text) writes lowercase hex only.
        var hex = header.AsSpan(Prefix.Length);
        if (hex.ContainsAnyExcept(LowercaseHex))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[DigestLength];
        if (Convert.FromHexString(hex, claimed, out _, out var written) != OperationStatus.Done || written != DigestLength)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[DigestLength];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, actual);
        return CryptographicOperations.FixedTimeEquals(claimed, actual);
    }

    /// <summary>The header value for <paramref name="body"/> under <paramref name="secret"/> (for the stand-in and tests).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Span<byte> digest = stackalloc byte[DigestLength];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, digest);
        return Prefix + Convert.ToHexStringLower(digest);
    }
}
