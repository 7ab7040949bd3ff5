using GitGrader.GitHub.Tests.Support;

namespace GitGrader.GitHub.Tests.Webhooks;

/// <summary>Missing npm test data fails the run with the command that installs it (never a silent skip).</summary>
public sealed class NpmTestDataTests
{
    [Fact]
    public void NpmPackage_Missing_FailsSayingToRunNpmCi()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RepoRoot.NpmPackage("@octokit/not-installed-here"));

        Assert.Contains("npm ci --prefix tests/npm", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NpmPackages_TheTestsUse_AreInstalled()
    {
        Assert.True(File.Exists(Path.Combine(RepoRoot.NpmPackage("@octokit/webhooks-examples"), "api.github.com", "index.json")));
        Assert.True(File.Exists(Path.Combine(RepoRoot.NpmPackage("@octokit/webhooks-methods"), "package.json")));
        Assert.True(File.Exists(Path.Combine(RepoRoot.NpmFolder, "sign-webhooks.mjs")));
    }
}
