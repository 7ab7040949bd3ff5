using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Octokit.Webhooks;

namespace GitGrader.GitHub.Webhooks;

/// <summary><c>X-Hub-Signature-256</c>: <c>sha256=</c> and the hex HMAC-SHA256 of the raw body under the webhook secret.</summary>
public static class WebhookSignature
{
    private const string Prefix = "sha256=";
    private const int HexLength = 64;
    private const int HeaderLength = 7 + HexLength;
    private static readonly SearchValues<char> LowercaseHex = SearchValues.Create("0123456789abcdef");

    /// <summary>
    /// True when <paramref name="header"/> is a well-formed signature of <paramref name="body"/> under
    /// <paramref name="secret"/>; checked by Octokit.Webhooks' <see cref="WebhookSignatureValidator"/> (constant time).
    /// </summary>
    /// <remarks>
    /// The header must be exactly what GitHub writes: <c>sha256=</c> and 64 lowercase hex digits, as
    /// <c>@octokit/webhooks-methods</c>' verify demands too; the library's validator alone also accepts <c>SHA256=</c>
    /// and uppercase digits. The secret must not be empty: with an empty secret the validator accepts unsigned bodies.
    /// </remarks>
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return header is { Length: HeaderLength }
            && header.StartsWith(Prefix, StringComparison.Ordinal)
            && !header.AsSpan(Prefix.Length).ContainsAnyExcept(LowercaseHex)
            && WebhookSignatureValidator.Verify(header, secret, body) == WebhookSignatureValidationResult.Valid;
    }

    /// <summary>The header value for <paramref name="body"/> under <paramref name="secret"/>, as GitHub signs (for the stand-in and tests; the library offers no signer).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Span<byte> digest = stackalloc byte[HexLength / 2];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, digest);
        return Prefix + Convert.ToHexStringLower(digest);
    }
}
