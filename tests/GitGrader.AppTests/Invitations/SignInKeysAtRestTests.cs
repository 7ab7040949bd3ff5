using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using GitGrader.AppTests.Integration;
using GitGrader.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.AppTests.Invitations;

/// <summary>
/// <c>Serve:KeysCertificate</c>: the keys that protect the sign-in cookies are encrypted at rest with an RSA certificate, so
/// <c>Serve:KeysFolder</c> alone opens nothing; another serve with the same file reads them; a bad file stops serve naming
/// the key and what is wrong. Real serve hosts (built as <c>gitgrader serve</c> builds them), real keys on disk.
/// </summary>
public sealed class SignInKeysAtRestTests : IDisposable
{
    private const string Password = "pfx-pass-0123";
    private const string Purpose = "GitGrader.SignIn.Test";

    private readonly ConfigurationFolder _folder = ConfigurationFolder.Create();

    private string KeysFolder => Path.Combine(_folder.Root, "keys");

    [Fact]
    public async Task WithACertificate_TheKeyOnDiskIsEncrypted_AndAnotherServeWithTheSameFileReadsWhatTheFirstProtected()
    {
        var pfx = WriteRsaPfx("keys.pfx", Password);
        Configure(pfx, Password);

        string protectedText;
        await using (var first = await BuildAsync())
        {
            protectedText = Protector(first).Protect("alice signed in");
        }

        var key = Assert.Single(Directory.GetFiles(KeysFolder, "key-*.xml"));
        var xml = await File.ReadAllTextAsync(key);
        Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
        Assert.Contains("X509Certificate", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning: the key below is in an unencrypted form", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);

        await using var second = await BuildAsync();
        Assert.Equal("alice signed in", Protector(second).Unprotect(protectedText));
    }

    [Fact]
    public async Task WithACertificate_TheKeysFolderWithoutTheCertificate_OpensNothing()
    {
        Configure(WriteRsaPfx("keys.pfx", Password), Password);
        string protectedText;
        await using (var withCertificate = await BuildAsync())
        {
            protectedText = Protector(withCertificate).Protect("alice signed in");
        }

        // The same folder, as a copy of it would be read by someone without the certificate.
        _folder.Write(config => config["Serve"] = new JsonObject { ["KeysFolder"] = KeysFolder });
        await using var withoutCertificate = await BuildAsync();

        Assert.ThrowsAny<CryptographicException>(() => Protector(withoutCertificate).Unprotect(protectedText));
    }

    [Fact]
    public async Task ANewCertificate_CannotReadWhatTheOldOneProtected_ButServeKeepsSigningStudentsIn()
    {
        Configure(WriteRsaPfx("old.pfx", Password), Password);
        string oldCookie;
        await using (var before = await BuildAsync())
        {
            oldCookie = Protector(before).Protect("alice signed in");
        }

        Configure(WriteRsaPfx("new.pfx", Password), Password);
        await using var after = await BuildAsync();

        Assert.ThrowsAny<CryptographicException>(() => Protector(after).Unprotect(oldCookie));
        var newCookie = Protector(after).Protect("alice signed in again");
        Assert.Equal("alice signed in again", Protector(after).Unprotect(newCookie));
    }

    [Fact]
    public async Task ANewCertificateWithTheOldOneAsPrevious_KeepsStudentsSignedIn_AndNewKeysUseTheNewOne()
    {
        var old = WriteRsaPfx("old.pfx", Password);
        Configure(old, Password);
        string cookie;
        await using (var before = await BuildAsync())
        {
            cookie = Protector(before).Protect("alice signed in");
        }

        var replacement = WriteRsaPfx("new.pfx", "other-pass-456");
        _folder.Write(config => config["Serve"] = new JsonObject
        {
            ["KeysFolder"] = KeysFolder,
            ["KeysCertificate"] = replacement,
            ["KeysCertificatePassword"] = "other-pass-456",
            ["KeysPreviousCertificate"] = old,
            ["KeysPreviousCertificatePassword"] = Password,
        });
        await using var after = await BuildAsync();

        Assert.Equal("alice signed in", Protector(after).Unprotect(cookie));
        var xml = await NextKeyXmlAsync(after);
        using var newCertificate = X509CertificateLoader.LoadPkcs12FromFile(replacement, "other-pass-456");
        using var oldCertificate = X509CertificateLoader.LoadPkcs12FromFile(old, Password);
        Assert.Contains(Convert.ToBase64String(newCertificate.RawData), xml, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(oldCertificate.RawData), xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadPreviousCertificate_StopsServeNamingItsOwnKeys()
    {
        _folder.Write(config => config["Serve"] = new JsonObject
        {
            ["KeysFolder"] = KeysFolder,
            ["KeysCertificate"] = WriteRsaPfx("new.pfx", Password),
            ["KeysCertificatePassword"] = Password,
            ["KeysPreviousCertificate"] = WriteRsaPfx("old.pfx", "old-pass"),
            ["KeysPreviousCertificatePassword"] = "not-the-old-pass",
        });

        var failures = await BuildFailuresAsync();

        var failure = Assert.Single(failures, f => f.StartsWith("Serve:KeysPreviousCertificate ", StringComparison.Ordinal));
        Assert.Contains("Serve:KeysPreviousCertificatePassword", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(failures, f => f.StartsWith("Serve:KeysCertificate ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APreviousCertificateWithoutACurrentOne_StopsServeSayingWhichEncrypts()
    {
        _folder.Write(config => config["Serve"] = new JsonObject
        {
            ["KeysFolder"] = KeysFolder,
            ["KeysPreviousCertificate"] = WriteRsaPfx("old.pfx", Password),
            ["KeysPreviousCertificatePassword"] = Password,
        });

        var failures = await BuildFailuresAsync();

        Assert.Contains(failures, f => f.StartsWith("Serve:KeysPreviousCertificate is set but Serve:KeysCertificate is not", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TurningTheCertificateOn_KeepsStudentsSignedInUnderTheUnencryptedKey_AndNewKeysAreEncrypted()
    {
        _folder.Write(config => config["Serve"] = new JsonObject { ["KeysFolder"] = KeysFolder });
        string cookie;
        await using (var before = await BuildAsync())
        {
            cookie = Protector(before).Protect("alice signed in");
        }

        Configure(WriteRsaPfx("keys.pfx", Password), Password);
        await using var after = await BuildAsync();

        Assert.Equal("alice signed in", Protector(after).Unprotect(cookie));

        // The next key the ring makes is encrypted.
        var xml = await NextKeyXmlAsync(after);
        Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACertificateMadeWithTheReadmesOpensslCommands_IsAccepted()
    {
        var pem = Path.Combine(_folder.Root, "c.pem");
        var key = Path.Combine(_folder.Root, "k.pem");
        var pfx = Path.Combine(_folder.Root, "keys.pfx");
        await RunAsync("openssl", "req", "-x509", "-newkey", "rsa:3072", "-nodes", "-days", "3650", "-subj", "/CN=gitgrader-keys", "-keyout", key, "-out", pem);
        await RunAsync("openssl", "pkcs12", "-export", "-inkey", key, "-in", pem, "-out", pfx, "-passout", "pass:" + Password);
        Configure(pfx, Password);

        await using var app = await BuildAsync();

        Assert.Equal("bob", Protector(app).Unprotect(Protector(app).Protect("bob")));
        Assert.Contains("<EncryptedData", await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(KeysFolder, "key-*.xml"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutACertificate_TheKeyIsStoredUnencrypted_AsTheReadmeWarns()
    {
        _folder.Write(config => config["Serve"] = new JsonObject { ["KeysFolder"] = KeysFolder });
        await using (var app = await BuildAsync())
        {
            Protector(app).Protect("alice signed in");
        }

        var xml = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(KeysFolder, "key-*.xml")));
        Assert.Contains("<value>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<EncryptedData", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingCertificateFile_StopsServeNamingTheKeyAndThePath()
    {
        var missing = Path.Combine(_folder.Root, "nowhere.pfx");
        Configure(missing, null);

        var failures = await BuildFailuresAsync();

        Assert.Contains(failures, f => f.StartsWith("Serve:KeysCertificate names '" + missing + "', which does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWrongPassword_StopsServeNamingThePasswordKey_WithoutShowingEitherPassword()
    {
        Configure(WriteRsaPfx("keys.pfx", Password), "wrong-guess-987");

        var failures = await BuildFailuresAsync();

        var failure = Assert.Single(failures, f => f.StartsWith("Serve:KeysCertificate ", StringComparison.Ordinal));
        Assert.Contains("Serve:KeysCertificatePassword", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-guess-987", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACertificateWithoutItsPrivateKey_StopsServeSayingKeysCouldNeverBeReadBack()
    {
        using var rsa = RSA.Create(2048);
        using var full = SelfSigned(new CertificateRequest("CN=gitgrader-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        using var publicOnly = X509CertificateLoader.LoadCertificate(full.Export(X509ContentType.Cert));
        Configure(WritePfx("public-only.pfx", publicOnly, Password), Password);

        var failures = await BuildFailuresAsync();

        Assert.Contains(failures, f => f.StartsWith("Serve:KeysCertificate ", StringComparison.Ordinal) && f.Contains("without its private key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEcdsaCertificate_StopsServeAskingForRsa()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = SelfSigned(new CertificateRequest("CN=gitgrader-keys", ecdsa, HashAlgorithmName.SHA256));
        Configure(WritePfx("ec.pfx", certificate, Password), Password);

        var failures = await BuildFailuresAsync();

        Assert.Contains(failures, f => f.StartsWith("Serve:KeysCertificate ", StringComparison.Ordinal) && f.Contains("RSA only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APasswordWithoutACertificate_StopsServeNamingBothKeys()
    {
        _folder.Write(config => config["Serve"] = new JsonObject { ["KeysFolder"] = KeysFolder, ["KeysCertificatePassword"] = "orphan" });

        var failures = await BuildFailuresAsync();

        Assert.Contains(failures, f => f.StartsWith("Serve:KeysCertificatePassword is set but Serve:KeysCertificate is not", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();

    private static IDataProtector Protector(WebApplication app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static X509Certificate2 SelfSigned(CertificateRequest request) =>
        request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
    }

    /// <summary>Makes the ring's next key now (as it does when the current one nears its expiry) and reads it as stored.</summary>
    private Task<string> NextKeyXmlAsync(WebApplication app)
    {
        var next = app.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(90));
        return File.ReadAllTextAsync(Path.Combine(KeysFolder, $"key-{next.KeyId}.xml"));
    }

    private string WriteRsaPfx(string name, string password)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = SelfSigned(new CertificateRequest("CN=gitgrader-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return WritePfx(name, certificate, password);
    }

    private string WritePfx(string name, X509Certificate2 certificate, string password)
    {
        var path = Path.Combine(_folder.Root, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    private void Configure(string certificate, string? password) => _folder.Write(config =>
    {
        var serve = new JsonObject { ["KeysFolder"] = KeysFolder, ["KeysCertificate"] = certificate };
        if (password is not null)
        {
            serve["KeysCertificatePassword"] = password;
        }

        config["Serve"] = serve;
    });

    private Task<WebApplication> BuildAsync() =>
        GitGraderHost.BuildServerAsync(new HostSettings(new FileInfo(_folder.ConfigFile), null, null, false), [], CancellationToken.None);

    private Task<IReadOnlyList<string>> BuildFailuresAsync() => ServeStartFailures.OfAsync(_folder.ConfigFile);
}
