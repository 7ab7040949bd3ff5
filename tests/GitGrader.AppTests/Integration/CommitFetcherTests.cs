using System.Diagnostics;
using System.Text;
using GitGrader.AppTests.EndToEnd;
using GitGrader.AppTests.StandInTests;
using GitGrader.AppTests.Support;
using GitGrader.GitHubStandIn;
using GitGrader.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using StandIn = GitGrader.GitHubStandIn.GitHubStandIn;

namespace GitGrader.AppTests.Integration;

/// <summary>
/// <see cref="CommitFetcher"/> with the real <c>git</c> CLI against the stand-in's git smart HTTP,
/// authenticated with a real installation token, as the worker uses it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CommitFetcherTests : IAsyncLifetime
{
    private const string Org = "cs101-fall";
    private const string Student = "alice";
    private const string RepositoryName = "python-wordcount-alice";
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);

    private readonly CommitFetcher _fetcher = new(NullLogger<CommitFetcher>.Instance);
    private readonly GitCli _git = GitCli.Create();
    private StandIn _gitHub = null!;
    private GitWorkingCopy _student = null!;
    private long _installation;

    private Uri Remote => _gitHub.GitRemoteUrl(Org, RepositoryName);

    public async Task InitializeAsync()
    {
        _gitHub = await StandIn.StartAsync();
        _installation = _gitHub.InstallApp(Org);
        await _gitHub.CreateRepositoryAsync(Org, RepositoryName, _installation);
        _student = await GitWorkingCopy.InitAsync(_gitHub.GitRemoteUrl(Org, RepositoryName, _gitHub.CreateUserToken(Student)));
    }

    public async Task DisposeAsync()
    {
        _student.Dispose();
        _git.Dispose();
        await _gitHub.DisposeAsync();
    }

    [Fact]
    public async Task FetchAsync_FirstOfTwoPushedCommits_ChecksOutThatCommitShallowNotTheBranchTip()
    {
        _student.WriteFile("wordcount.py", "print('first')\n");
        var first = await _student.CommitAllAsync("first");
        await _student.PushAsync();
        _student.WriteFile("wordcount.py", "print('second')\n");
        var second = await _student.CommitAllAsync("second");
        await _student.PushAsync();
        var token = _gitHub.CreateInstallationToken(_installation);
        var target = Path.Combine(_git.Root, "first");

        await _fetcher.FetchAsync(Remote, first, token, target, Generous, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal("print('first')\n", await File.ReadAllTextAsync(Path.Combine(target, "wordcount.py")));
        Assert.Equal(first, await _git.CheckedAsync(target, "rev-parse", "HEAD"));
        // --depth 1: the commit is the shallow boundary, its history was not fetched.
        Assert.Equal(first, (await File.ReadAllTextAsync(Path.Combine(target, ".git", "shallow"))).Trim());
        Assert.NotEqual(0, (await _git.RunAsync(target, "cat-file", "-e", second)).ExitCode);
        Assert.Contains(_gitHub.Requests, r => r.Surface == RequestSurface.Git && r.Auth == AuthKind.InstallationToken && r.Status == 200);
        AssertTokenNowhereUnder(target, token);
        _gitHub.AssertNoViolations();
    }

    [Fact]
    public async Task FetchAsync_CommitThatDoesNotExist_FailsWithGitsWordsAndWithoutTheToken()
    {
        _student.WriteFile("wordcount.py", "print('hi')\n");
        await _student.CommitAllAsync("one");
        await _student.PushAsync();
        var token = _gitHub.CreateInstallationToken(_installation);
        var target = Path.Combine(_git.Root, "missing");
        var missing = "0123456789abcdef0123456789abcdef01234567";

        var error = await Assert.ThrowsAsync<GitFetchException>(() => _fetcher.FetchAsync(Remote, missing, token, target, Generous, CancellationToken.None));

        Assert.StartsWith("git fetch failed", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(BasicCredentials(token), error.ToString(), StringComparison.Ordinal);
        AssertTokenNowhereUnder(target, token);
        _gitHub.AssertNoViolations();
    }

    [Fact]
    public async Task FetchAsync_BadToken_FailsWithAClearGitFetchException()
    {
        _student.WriteFile("wordcount.py", "print('hi')\n");
        var sha = await _student.CommitAllAsync("one");
        await _student.PushAsync();
        var wrong = "ghs_" + new string('x', 36);
        var target = Path.Combine(_git.Root, "bad-token");

        var error = await Assert.ThrowsAsync<GitFetchException>(() => _fetcher.FetchAsync(Remote, sha, wrong, target, Generous, CancellationToken.None));

        Assert.StartsWith("git fetch failed", error.Message, StringComparison.Ordinal);
        Assert.Matches("(?i)authentication failed|could not read username|401|403", error.Message);
        Assert.DoesNotContain(wrong, error.Message, StringComparison.Ordinal);
        Assert.Contains(_gitHub.Requests, r => r.Surface == RequestSurface.Git && r.Auth == AuthKind.Invalid);
        Assert.False(File.Exists(Path.Combine(target, "wordcount.py")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("main")]
    [InlineData("HEAD")]
    [InlineData("6113728f")]
    [InlineData("6113728f27ae82c7b1a177c8d03f9e96e0adf24")]
    [InlineData("6113728f27ae82c7b1a177c8d03f9e96e0adf2465")]
    [InlineData("6113728F27AE82C7B1A177C8D03F9E96E0ADF246")]
    [InlineData("g113728f27ae82c7b1a177c8d03f9e96e0adf246")]
    [InlineData("--upload-pack=touch /tmp/gitgrader-pwned")]
    [InlineData("6113728f27ae82c7b1a177c8d03f9e96e0adf24 ")]
    public async Task FetchAsync_NotAFullLowercaseSha_IsRejectedBeforeGitRuns(string sha)
    {
        var target = Path.Combine(_git.Root, "rejected");
        var gitRequestsBefore = _gitHub.Requests.Count(r => r.Surface == RequestSurface.Git);

        var error = await Assert.ThrowsAsync<GitFetchException>(() => _fetcher.FetchAsync(Remote, sha, _gitHub.CreateInstallationToken(_installation), target, Generous, CancellationToken.None));

        Assert.Contains("not a full commit id", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target), "the folder was created, so git init ran");
        Assert.Equal(gitRequestsBefore, _gitHub.Requests.Count(r => r.Surface == RequestSurface.Git));
    }

    [Fact]
    public async Task FetchAsync_SymlinkToEtcPasswdAndA20MegabyteFile_ChecksOutTheLinkAsALink()
    {
        var big = new byte[20 * 1024 * 1024];
        new Random(42).NextBytes(big);
        await File.WriteAllBytesAsync(Path.Combine(_student.Directory, "data.bin"), big);
        File.CreateSymbolicLink(Path.Combine(_student.Directory, "passwd"), "/etc/passwd");
        _student.WriteFile("wordcount.py", "print(open('passwd').read())\n");
        var sha = await _student.CommitAllAsync("link and big file");
        await _student.PushAsync();
        var token = _gitHub.CreateInstallationToken(_installation);
        var target = Path.Combine(_git.Root, "hostile");

        await _fetcher.FetchAsync(Remote, sha, token, target, Generous, CancellationToken.None);

        var link = new FileInfo(Path.Combine(target, "passwd"));
        Assert.Equal("/etc/passwd", link.LinkTarget);
        Assert.True(link.Attributes.HasFlag(FileAttributes.ReparsePoint), "passwd is a copy, not a link");
        var data = new FileInfo(Path.Combine(target, "data.bin"));
        Assert.Null(data.LinkTarget);
        Assert.Equal(big.Length, data.Length);
        var fetched = await File.ReadAllBytesAsync(data.FullName);
        Assert.True(big.AsSpan().SequenceEqual(fetched), "data.bin differs from what was pushed");
        AssertTokenNowhereUnder(target, token);
        _gitHub.AssertNoViolations();
    }

    [Fact]
    public async Task FetchAsync_TinyTimeout_IsCutWithAGitFetchExceptionNamingTheTimeout()
    {
        var big = new byte[20 * 1024 * 1024];
        new Random(7).NextBytes(big);
        await File.WriteAllBytesAsync(Path.Combine(_student.Directory, "data.bin"), big);
        var sha = await _student.CommitAllAsync("big file");
        await _student.PushAsync();
        var target = Path.Combine(_git.Root, "timeout");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GitFetchException>(() => _fetcher.FetchAsync(Remote, sha, _gitHub.CreateInstallationToken(_installation), target, TimeSpan.FromMilliseconds(50), CancellationToken.None));

        Assert.Contains("did not finish within 50 ms", error.Message, StringComparison.Ordinal);
        Assert.Contains(sha[..12], error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the timeout took {clock.Elapsed} to cut the fetch");
        Assert.False(File.Exists(Path.Combine(target, "data.bin")), "the fetch finished despite the timeout");
    }

    [Fact]
    public async Task FetchAsync_CallerCancels_ThrowsOperationCanceledNotAFetchError()
    {
        _student.WriteFile("wordcount.py", "print('hi')\n");
        var sha = await _student.CommitAllAsync("one");
        await _student.PushAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _fetcher.FetchAsync(Remote, sha, _gitHub.CreateInstallationToken(_installation), Path.Combine(_git.Root, "cancelled"), Generous, cancelled.Token));
    }

    private static string BasicCredentials(string token) => Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));

    /// <summary>The token (raw or as the Basic header git sent) is in no file of the fetched folder, .git included.</summary>
    private static void AssertTokenNowhereUnder(string folder, string token)
    {
        var needles = new[] { Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(BasicCredentials(token)) };
        var files = Directory.Exists(folder)
            ? new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None })
                .Where(f => f.LinkTarget is null)
                .ToList()
            : [];
        foreach (var file in files)
        {
            var content = File.ReadAllBytes(file.FullName);
            foreach (var needle in needles)
            {
                Assert.True(content.AsSpan().IndexOf(needle) < 0, $"{Path.GetRelativePath(folder, file.FullName)} holds the installation token");
            }
        }

        var config = Path.Combine(folder, ".git", "config");
        if (File.Exists(config))
        {
            var text = File.ReadAllText(config);
            Assert.DoesNotContain("extraheader", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        }
    }
}
