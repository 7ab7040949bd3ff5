using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GitGrader.Web.Invitations;

/// <summary>
/// Loads the certificate of <see cref="InvitationOptions.KeysCertificate"/>, which encrypts the Data Protection keys at rest:
/// once when Data Protection is wired, and again by <see cref="InvitationOptionsValidator"/>, which reports at start what
/// is wrong with it.
/// </summary>
internal static class KeysCertificate
{
    /// <summary>
    /// Loads a PKCS#12 file and checks that it can encrypt and decrypt keys: an RSA certificate with its private key.
    /// Throws <see cref="InvalidDataException"/> saying what is wrong (never the password; <paramref name="passwordKey"/> names
    /// the setting it came from).
    /// </summary>
    public static X509Certificate2 Load(string path, string? password, string passwordKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InvalidDataException($"names '{full}', which does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(full, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidDataException(
                $"'{full}' could not be read as a PKCS#12 (.pfx) file with the password given in {passwordKey} ({ex.Message.TrimEnd('.')}).", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InvalidDataException($"'{full}' cannot be read by this process ({ex.Message.TrimEnd('.')}).", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidDataException($"'{full}' holds a certificate without its private key: the keys could be encrypted but never read back.");
        }

        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            var algorithm = certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value;
            certificate.Dispose();
            throw new InvalidDataException($"'{full}' holds a {algorithm} key; Data Protection encrypts its keys with RSA only: give an RSA certificate.");
        }

        return certificate;
    }
}
