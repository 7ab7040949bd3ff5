using System.Security.Cryptography;

namespace GitGrader.GitHub.Tests.Support;

/// <summary>A throw-away RSA key written as PEM files (PKCS#1 and PKCS#8) in a temporary folder.</summary>
internal sealed class TestKeys : IDisposable
{
    /// <summary>One key for the whole run: generating 2048-bit keys is slow, and these guard nothing.</summary>
    private static readonly Lazy<RSA> SharedKey = new(() => RSA.Create(2048));

    public TestKeys()
    {
        Folder = Directory.CreateTempSubdirectory("gitgrader-github-keys-").FullName;
        Rsa = SharedKey.Value;
        Pkcs1Path = Write("app.pkcs1.pem", Rsa.ExportRSAPrivateKeyPem());
        Pkcs8Path = Write("app.pkcs8.pem", Rsa.ExportPkcs8PrivateKeyPem());
        PublicPath = Write("app.public.pem", Rsa.ExportSubjectPublicKeyInfoPem());
    }

    public RSA Rsa { get; }

    public string Folder { get; }

    public string Pkcs1Path { get; }

    public string Pkcs8Path { get; }

    public string PublicPath { get; }

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
