using System.Security.Cryptography;

namespace GitGrader.GitHub.Auth;

/// <summary>Reads the App's RSA private key from a PEM file (PKCS#1 <c>RSA PRIVATE KEY</c> or PKCS#8 <c>PRIVATE KEY</c>).</summary>
internal static class AppPrivateKey
{
    private const long MaxFileBytes = 64 * 1024;

    /// <summary>Loads the key; every failure is an <see cref="InvalidOperationException"/> that names the path (never the key).</summary>
    public static RSA Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException("The GitHub App private key path (GitHub:PrivateKeyPath) is not set.");
        }

        var pem = ReadText(path);
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new InvalidOperationException($"The GitHub App private key file '{path}' holds no PEM block (expected BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY).");
        }

        var label = pem[fields.Label];
        if (label is not ("RSA PRIVATE KEY" or "PRIVATE KEY"))
        {
            throw new InvalidOperationException($"The GitHub App private key file '{path}' holds a '{label}' block; expected an unencrypted RSA PRIVATE KEY or PRIVATE KEY.");
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem[fields.Location]);
            return rsa;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"The GitHub App private key file '{path}' is not a valid RSA private key.", ex);
        }
    }

    private static string ReadText(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new InvalidOperationException($"The GitHub App private key file '{path}' does not exist.");
            }

            if (info.Length > MaxFileBytes)
            {
                throw new InvalidOperationException($"The GitHub App private key file '{path}' is {info.Length} bytes, too large for a PEM key.");
            }

            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidOperationException($"The GitHub App private key file '{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
