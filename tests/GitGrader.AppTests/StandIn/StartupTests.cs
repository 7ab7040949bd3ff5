using GitGrader.GitHubStandIn;
using FakeGitHub = GitGrader.GitHubStandIn.GitHubStandIn;

namespace GitGrader.AppTests.StandInTests;

public sealed class StartupTests
{
    [Fact]
    public async Task StartAsync_NpmFolderNotInstalled_FailsSayingToRunNpmCi()
    {
        var empty = Directory.CreateTempSubdirectory("gg-no-npm-");
        try
        {
            var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => FakeGitHub.StartAsync(new StandInOptions { NpmDirectory = empty.FullName }));

            Assert.Contains("npm ci --prefix tests/npm", thrown.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_WritesTheKeyAndServesOnLoopback_DisposeDeletesTheKey()
    {
        var gitHub = await FakeGitHub.StartAsync();
        var keyPath = gitHub.PrivateKeyPath;

        Assert.Equal("127.0.0.1", gitHub.BaseUrl.Host);
        Assert.Equal(new Uri(gitHub.BaseUrl, "api/v3/"), gitHub.ApiBaseUrl);
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", await File.ReadAllTextAsync(keyPath), StringComparison.Ordinal);
        using var key = System.Security.Cryptography.RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(keyPath));
        Assert.Equal(2048, key.KeySize);

        await gitHub.DisposeAsync();

        Assert.False(File.Exists(keyPath));
    }
}
