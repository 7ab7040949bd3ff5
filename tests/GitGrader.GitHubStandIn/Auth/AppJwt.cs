using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitGrader.GitHubStandIn.Auth;

/// <summary>App JWTs: RS256, <c>iss</c> the App id, <c>iat</c> not in the future, <c>exp</c> in the future and at most 10 minutes after <c>iat</c>.</summary>
internal static class AppJwt
{
    /// <summary>Longest lifetime GitHub accepts.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Clock drift allowed on <c>iat</c>.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromSeconds(60);

    private const string Undecodable = "A JSON web token could not be decoded";

    /// <summary>Signs a JWT with <paramref name="key"/>.</summary>
    public static string Create(RSA key, string issuer, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        var header = Encode("""{"alg":"RS256","typ":"JWT"}"""u8);
        var payload = Encode(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["iss"] = issuer,
        }.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Encode(signature)}";
    }

    /// <summary>Null when <paramref name="token"/> is a valid JWT of the App at <paramref name="now"/>; else GitHub's complaint.</summary>
    public static string? Validate(string token, RSA key, long appId, string clientId, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return Undecodable;
        }

        JsonObject header;
        JsonObject payload;
        byte[] signature;
        try
        {
            header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0])) as JsonObject ?? throw new FormatException();
            payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) as JsonObject ?? throw new FormatException();
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return Undecodable;
        }

        if (header["alg"]?.ToString() != "RS256")
        {
            return $"{Undecodable} ('alg' must be RS256, was '{header["alg"]}')";
        }

        if (!key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return $"{Undecodable} (the signature does not verify with the App's public key)";
        }

        if (!TryGetSeconds(payload["iat"], out var iat))
        {
            return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
        }

        if (!TryGetSeconds(payload["exp"], out var exp))
        {
            return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
        }

        var nowSeconds = now.ToUnixTimeSeconds();
        if (iat > nowSeconds + (long)AllowedSkew.TotalSeconds)
        {
            return $"'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued (iat is {iat - nowSeconds} s in the future)";
        }

        if (exp <= nowSeconds)
        {
            return $"'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires (expired {nowSeconds - exp} s ago)";
        }

        if (exp - iat > (long)MaxLifetime.TotalSeconds)
        {
            return $"'Expiration time' claim ('exp') is too far in the future (exp - iat is {exp - iat} s; at most {(long)MaxLifetime.TotalSeconds} s)";
        }

        var issuer = payload["iss"] is JsonValue iss ? iss.ToString() : null;
        if (issuer != appId.ToString(CultureInfo.InvariantCulture) && issuer != clientId)
        {
            return $"'Issuer' claim ('iss') must be the App's id {appId} or client id, was '{issuer}'";
        }

        return null;
    }

    private static bool TryGetSeconds(JsonNode? node, out long seconds)
    {
        seconds = 0;
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out seconds);
    }

    private static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
