using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using GitGrader.AppTests.EndToEnd;
using GitGrader.AppTests.StandInTests;
using GitGrader.AppTests.Support;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Sandboxing;
using GitGrader.GitHubStandIn;
using GitGrader.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using StandIn = GitGrader.GitHubStandIn.GitHubStandIn;

namespace GitGrader.AppTests.Integration;

/// <summary>
/// <see cref="CommitFetcher"/> and <see cref="FetchedCommit"/> with the real <c>git</c> CLI against the
/// stand-in's git smart HTTP, authenticated with a real installation token, as the worker uses them:
/// exactly one commit fetched into a bare repository, its tree read into the staging without a checkout.
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
    public async Task FetchAsync_FirstOfTwoPushedCommits_ReadsThatCommitShallowNotTheBranchTipWithoutACheckout()
    {
        _student.WriteFile("wordcount.py", "print('first')\n");
        var first = await _student.CommitAllAsync("first");
        await _student.PushAsync();
        _student.WriteFile("wordcount.py", "print('second')\n");
        var second = await _student.CommitAllAsync("second");
        await _student.PushAsync();
        var token = _gitHub.CreateInstallationToken(_installation);
        var target = Path.Combine(_git.Root, "first");

        var commit = await _fetcher.FetchAsync(Remote, first, token, target, Generous, CancellationToken.None);
        var snapshot = await commit.ReadAsync(ResourceLimits.Default, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(first, commit.Sha);
        Assert.Equal("print('first')\n", ContentOf(snapshot, "wordcount.py"));
        Assert.Equal(1, snapshot.Files);
        // A bare repository holding the commit and nothing checked out.
        Assert.Equal("true", await _git.CheckedAsync(target, "rev-parse", "--is-bare-repository"));
        Assert.False(File.Exists(Path.Combine(target, "wordcount.py")), "the commit was checked out");
        Assert.False(Directory.Exists(Path.Combine(target, ".git")), "a working copy, not a bare repository");
        // --depth 1: the commit is the shallow boundary, its history was not fetched.
        Assert.Equal(first, (await File.ReadAllTextAsync(Path.Combine(target, "shallow"))).Trim());
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
        Assert.NotEqual(0, (await _git.RunAsync(target, "cat-file", "-e", sha)).ExitCode);
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
    public async Task ReadAsync_SymlinkToEtcPasswdBesideA20MegabyteFile_LinkSkippedWithANoteAndTheFileStagedWhole()
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

        var commit = await _fetcher.FetchAsync(Remote, sha, token, target, Generous, CancellationToken.None);
        var snapshot = await commit.ReadAsync(new ResourceLimits { SubmissionBytes = 64L * 1024 * 1024 }, CancellationToken.None);

        Assert.Null(snapshot.Rejection);
        Assert.Equal(["Skipped symbolic link 'passwd': links are never followed."], snapshot.Notes);
        Assert.DoesNotContain(snapshot.Tree.Entries, e => e.RelativePath == "submission/passwd");
        Assert.True(big.AsSpan().SequenceEqual(Entry(snapshot, "data.bin").Content!.Value.Span), "data.bin differs from what was pushed");
        var passwd = await File.ReadAllTextAsync("/etc/passwd");
        Assert.All(snapshot.Tree.Entries.Where(e => e.Content is not null), e => Assert.DoesNotContain(passwd, Encoding.UTF8.GetString(e.Content!.Value.Span), StringComparison.Ordinal));
        AssertTokenNowhereUnder(target, token);
        _gitHub.AssertNoViolations();
    }

    [Fact]
    public async Task ReadAsync_SubmoduleAndSymlinks_SkippedWithNotesAndTheExecutableBitKept()
    {
        var other = await _student.CommitAllAsync("an empty commit the submodule points at");
        _student.WriteFile(".gitmodules", "[submodule \"lib\"]\n\tpath = vendor/lib\n\turl = https://example.invalid/lib.git\n");
        Directory.CreateDirectory(Path.Combine(_student.Directory, "vendor", "lib"));
        await _student.GitAsync("update-index", "--add", "--cacheinfo", $"160000,{other},vendor/lib");
        _student.WriteFile("run.sh", "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(Path.Combine(_student.Directory, "run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _student.WriteFile("notes.txt", "hello\n");
        File.CreateSymbolicLink(Path.Combine(_student.Directory, "vendor", "keys"), "/root/.ssh");
        File.CreateSymbolicLink(Path.Combine(_student.Directory, "nowhere"), "/nonexistent/target");
        var sha = await _student.CommitAllAsync("submodule, links, a script");
        await _student.PushAsync();
        Assert.Contains("160000 commit", await _student.GitAsync("ls-tree", "-r", sha), StringComparison.Ordinal);

        var snapshot = await FetchAndReadAsync(sha, ResourceLimits.Default);

        Assert.Equal(
            [
                "Skipped symbolic link 'nowhere': links are never followed.",
                "Skipped symbolic link 'vendor/keys': links are never followed.",
                "Skipped submodule 'vendor/lib': submodules are never fetched; commit the files themselves.",
            ],
            snapshot.Notes);
        Assert.Equal(
            ["submission", "submission/vendor", "submission/.gitmodules", "submission/notes.txt", "submission/run.sh"],
            snapshot.Tree.Entries.Select(e => e.RelativePath));
        Assert.True(Entry(snapshot, "run.sh").Executable);
        Assert.False(Entry(snapshot, "notes.txt").Executable);
        Assert.All(snapshot.Tree.Entries, e => Assert.Equal(StagedOwner.Student, e.Owner));
    }

    [Fact]
    public async Task ReadAsync_GitAttributesWithExportIgnoreAndExportSubst_FilesStagedAsCommitted()
    {
        _student.WriteFile(".gitattributes", "tests/** export-ignore\nsolution.py export-ignore\nversion.txt export-subst\n*.py text eol=crlf\n");
        _student.WriteFile("solution.py", "print('mine')\n");
        _student.WriteFile("tests/test_mine.py", "def test(): pass\n");
        _student.WriteFile("version.txt", "$Format:%H$\n");
        var sha = await _student.CommitAllAsync("attributes");
        await _student.PushAsync();

        var snapshot = await FetchAndReadAsync(sha, ResourceLimits.Default);

        Assert.Equal(4, snapshot.Files);
        Assert.Equal("print('mine')\n", ContentOf(snapshot, "solution.py"));
        Assert.Equal("def test(): pass\n", ContentOf(snapshot, "tests/test_mine.py"));
        Assert.Equal("$Format:%H$\n", ContentOf(snapshot, "version.txt"));
        Assert.Empty(snapshot.Notes);
    }

    [Theory]
    [InlineData(2, 1024 * 1024, "more than 2 files")]
    [InlineData(100, 2 * 1024, "'b.bin' alone is 3 KiB")]
    public async Task ReadAsync_OverACap_RejectedFromTheListingWithoutReadingABlob(int files, long bytes, string expected)
    {
        await File.WriteAllBytesAsync(Path.Combine(_student.Directory, "a.bin"), new byte[100]);
        await File.WriteAllBytesAsync(Path.Combine(_student.Directory, "b.bin"), Enumerable.Repeat((byte)7, 3 * 1024).ToArray());
        _student.WriteFile("c.txt", "c\n");
        var sha = await _student.CommitAllAsync("three files");
        await _student.PushAsync();
        var target = Path.Combine(_git.Root, "caps");
        var commit = await _fetcher.FetchAsync(Remote, sha, _gitHub.CreateInstallationToken(_installation), target, Generous, CancellationToken.None);

        // Every blob cut short in the fetched repository (a small fetch keeps loose objects): its header, the size
        // ls-tree shows, is intact, but reading its content would fail.
        foreach (var path in new[] { "a.bin", "b.bin", "c.txt" })
        {
            var blob = await _git.CheckedAsync(target, "rev-parse", $"{sha}:{path}");
            var size = await _git.CheckedAsync(target, "cat-file", "-s", blob);
            var loose = Path.Combine(target, "objects", blob[..2], blob[2..]);
            Assert.True(File.Exists(loose), $"{path} is not a loose object");
            File.Delete(loose);
            await using var file = File.Create(loose);
            await using var zlib = new ZLibStream(file, CompressionLevel.Fastest);
            await zlib.WriteAsync(Encoding.ASCII.GetBytes($"blob {size}\0x"));
        }

        var snapshot = await commit.ReadAsync(new ResourceLimits { SubmissionFiles = files, SubmissionBytes = bytes }, CancellationToken.None);

        Assert.Contains(expected, snapshot.Rejection, StringComparison.Ordinal);
        Assert.Equal(0, snapshot.Files);
        Assert.Equal("submission", Assert.Single(snapshot.Tree.Entries).RelativePath);
        var read = await Assert.ThrowsAsync<GitFetchException>(() => commit.ReadAsync(ResourceLimits.Default, CancellationToken.None));
        Assert.StartsWith("git cat-file failed", read.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("folders", "The submission holds more than 2 folders, the limit for this assignment.")]
    [InlineData("depth", "'d/e/f.txt' lies 3 levels deep in the submission, more than 2, the limit for this assignment.")]
    [InlineData("path", "is 9 bytes long, more than 8, the limit for this assignment.")]
    [InlineData("entries", "The submission holds more than 5 entries (files, folders and links together), the limit for this assignment.")]
    public async Task ReadAsync_OverAStructureCap_RejectedWithTheFolderWalksWordsAndNothingRead(string cap, string expected)
    {
        _student.WriteFile("a.txt", "a\n");
        _student.WriteFile("b/x.txt", "x\n");
        _student.WriteFile("c/y.txt", "y\n");
        _student.WriteFile("d/e/f.txt", "f\n");
        var sha = await _student.CommitAllAsync("four folders");
        await _student.PushAsync();
        var limits = cap switch
        {
            "folders" => new ResourceLimits { SubmissionFolders = 2 },
            "depth" => new ResourceLimits { SubmissionDepth = 2 },
            "path" => new ResourceLimits { SubmissionPathBytes = 8 },
            _ => new ResourceLimits { SubmissionEntries = 5 },
        };

        var fromGit = await FetchAndReadAsync(sha, limits);
        var fromFolder = await new FolderSubmissionSource(_student.Directory).ReadAsync(limits, CancellationToken.None);

        Assert.Contains(expected, fromGit.Rejection, StringComparison.Ordinal);
        Assert.Contains(expected, fromFolder.Rejection, StringComparison.Ordinal);
        Assert.Equal("submission", Assert.Single(fromGit.Tree.Entries).RelativePath);
    }

    [Fact]
    public async Task ReadAsync_TreeOf200000FoldersOfOneFileEach_RejectedFromTheListingFast()
    {
        // git keeps no empty folder, but one small tree can be named 200,000 times: a pack of a few MiB.
        _student.WriteFile("x.txt", "x\n");
        var blob = (await _student.GitAsync("hash-object", "-w", "x.txt")).Trim();
        var inner = await WriteTreeAsync(("100644", "x.txt", blob));
        var root = await WriteTreeAsync([.. Enumerable.Range(0, 200_000).Select(i => ("40000", $"d{i:D6}", inner))]);
        var sha = (await _student.GitAsync("commit-tree", root, "-m", "200,000 folders")).Trim();
        await _student.PushAsync($"{sha}:refs/heads/main", force: true);
        var target = Path.Combine(_git.Root, "many-folders");
        var commit = await _fetcher.FetchAsync(Remote, sha, _gitHub.CreateInstallationToken(_installation), target, Generous, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var snapshot = await commit.ReadAsync(ResourceLimits.Default, CancellationToken.None);
        clock.Stop();

        Assert.StartsWith("The submission holds more than 5,000 folders, the limit for this assignment.", snapshot.Rejection, StringComparison.Ordinal);
        Assert.Equal("submission", Assert.Single(snapshot.Tree.Entries).RelativePath);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed.TotalMilliseconds:N0} ms");
    }

    [Fact]
    public async Task ReadAsync_ThreeThousandSmallFiles_AcceptedUnderTheDefaults()
    {
        for (var i = 0; i < 3000; i++)
        {
            _student.WriteFile($"pkg{i / 50:D2}/mod{i % 50:D2}.py", $"def f{i}(x):\n    return x + {i}\n");
        }

        var sha = await _student.CommitAllAsync("3,000 files");
        await _student.PushAsync();

        var snapshot = await FetchAndReadAsync(sha, ResourceLimits.Default);

        Assert.Null(snapshot.Rejection);
        Assert.Equal(3000, snapshot.Files);
    }

    [Fact]
    public async Task ReadAsync_CompiledPython_DroppedWithTheFolderWalksNote()
    {
        _student.WriteFile("calc.py", "def add(a, b):\n    return a - b\n");
        _student.WriteFile("__pycache__/calc.cpython-311.pyc", "compiled");
        _student.WriteFile("calc_helper.pyc", "compiled");
        var sha = await _student.CommitAllAsync("compiled");
        await _student.PushAsync();

        var fromGit = await FetchAndReadAsync(sha, ResourceLimits.Default);
        var fromFolder = await new FolderSubmissionSource(_student.Directory).ReadAsync(ResourceLimits.Default, CancellationToken.None);

        Assert.Equal(["submission", "submission/calc.py"], fromGit.Tree.Entries.Select(e => e.RelativePath));
        Assert.Equal(["2 compiled Python files (.pyc) were not staged, nor any __pycache__ folder; the source is graded."], fromGit.Notes);
        Assert.Equal(fromFolder.Notes, fromGit.Notes);
    }

    [Fact]
    public async Task ReadAsync_NamesNotValidUtf8_SkippedWithANoteFolderAndAll()
    {
        _student.WriteFile("wordcount.py", "pass\n");
        await RunBashAsync(_student.Directory, "mkdir $'dir\\xff' && echo x > $'dir\\xff/inner.txt' && echo y > $'bad\\xfe.txt'");
        var sha = await _student.CommitAllAsync("odd names");
        await _student.PushAsync();

        var snapshot = await FetchAndReadAsync(sha, ResourceLimits.Default);

        Assert.Equal(
            ["Skipped 'bad\uFFFD.txt': its name is not valid UTF-8.", "Skipped 'dir\uFFFD': its name is not valid UTF-8."],
            snapshot.Notes);
        Assert.Equal(["submission", "submission/wordcount.py"], snapshot.Tree.Entries.Select(e => e.RelativePath));
    }

    [Fact]
    public async Task ReadAsync_CraftedTreeWithDotGitAndDotDotEntries_SkippedWithNotes()
    {
        // git itself never writes such a tree (nor checks one out), but a hand-made one can be pushed.
        _student.WriteFile("payload.txt", "#!/bin/sh\necho planted\n");
        var blob = (await _student.GitAsync("hash-object", "-w", "payload.txt")).Trim();
        var inner = await WriteTreeAsync(("100755", "hooks-post-checkout", blob));
        var root = await WriteTreeAsync(("40000", ".git", inner), ("40000", ".GIT", inner), ("100644", "..", blob), ("100644", "ok.txt", blob));
        var sha = (await _student.GitAsync("commit-tree", root, "-m", "crafted")).Trim();
        await _student.PushAsync($"{sha}:refs/heads/main", force: true);

        var snapshot = await FetchAndReadAsync(sha, ResourceLimits.Default);

        Assert.Equal(
            [
                "Skipped '..': git refuses to check out an entry with that name or mode.",
                "Skipped '.GIT': git refuses to check out an entry with that name or mode.",
                "Skipped '.git': git refuses to check out an entry with that name or mode.",
            ],
            snapshot.Notes);
        Assert.Equal(["submission", "submission/ok.txt"], snapshot.Tree.Entries.Select(e => e.RelativePath));
    }

    [Fact]
    public async Task ReadAsync_PathLongerThanPathMax_SkippedWithOneNote_TheRestStaged()
    {
        // git checks such a tree out fine; a sandbox (the engine's tar extraction) cannot hold it.
        _student.WriteFile("ok.txt", "ok\n");
        var blob = (await _student.GitAsync("hash-object", "-w", "ok.txt")).Trim();
        var tree = await WriteTreeAsync(("100644", "bottom.txt", blob));
        for (var level = 0; level < 21; level++)
        {
            tree = await WriteTreeAsync(("40000", new string('d', 200), tree));
        }

        var root = await WriteTreeAsync(("40000", "deep", tree), ("100644", "ok.txt", blob));
        var sha = (await _student.GitAsync("commit-tree", root, "-m", "deep")).Trim();
        await _student.PushAsync($"{sha}:refs/heads/main", force: true);

        // Under the default caps the path cap rejects such a commit (see SubmissionCapsTests); an assignment
        // that raised that cap past PATH_MAX gets the path skipped with a note, the rest staged.
        var snapshot = await FetchAndReadAsync(sha, ResourceLimits.Default with { SubmissionPathBytes = 8192 });

        Assert.Null(snapshot.Rejection);
        Assert.Contains("its path is longer than a sandbox can stage", Assert.Single(snapshot.Notes), StringComparison.Ordinal);
        Assert.Contains(snapshot.Tree.Entries, e => e.RelativePath == "submission/ok.txt");
        Assert.All(snapshot.Tree.Entries, e => Assert.InRange(Encoding.UTF8.GetByteCount("/work/" + e.RelativePath), 1, 4095));
    }

    [Fact]
    public async Task ReadAsync_SameCommitCheckedOutAndReadAsAFolder_GivesAnEqualSnapshot()
    {
        _student.WriteFile("a.txt", "a\n");
        _student.WriteFile("a/b/c.txt", "c\n");
        _student.WriteFile("a/b.txt", "b\n");
        _student.WriteFile("a-b/x.py", "x = 1\n");
        _student.WriteFile("B/upper.txt", "upper\n");
        _student.WriteFile("empty.txt", string.Empty);
        _student.WriteFile("ünïcode/é.txt", "accent\n");
        _student.WriteFile("tools/run.sh", "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(_student.Directory, "tools", "run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await File.WriteAllBytesAsync(Path.Combine(_student.Directory, "data.bin"), [0, 1, 2, 255, 0]);
        File.CreateSymbolicLink(Path.Combine(_student.Directory, "a", "link"), "../a.txt");
        File.CreateSymbolicLink(Path.Combine(_student.Directory, "etc"), "/etc");
        await RunBashAsync(_student.Directory, "mkdir $'odd\\xff' && echo x > $'odd\\xff/inner.txt' && echo y > $'a/bad\\xfe.txt'");
        var sha = await _student.CommitAllAsync("a bit of everything");
        await _student.PushAsync();
        var target = Path.Combine(_git.Root, "same");
        var commit = await _fetcher.FetchAsync(Remote, sha, _gitHub.CreateInstallationToken(_installation), target, Generous, CancellationToken.None);
        var checkout = _git.Folder("same-checkout");
        await _git.CheckedAsync(target, "--git-dir=" + target, "--work-tree=" + checkout, "checkout", sha, "--", ".");

        var fromGit = await commit.ReadAsync(ResourceLimits.Default, CancellationToken.None);
        var fromFolder = await new FolderSubmissionSource(checkout).ReadAsync(ResourceLimits.Default, CancellationToken.None);

        Assert.Equal(Describe(fromFolder), Describe(fromGit));
        Assert.Equal(fromFolder.Notes, fromGit.Notes);
        Assert.Equal(fromFolder.Files, fromGit.Files);
        Assert.Equal(9, fromGit.Files);
        Assert.Equal(4, fromGit.Notes.Count);
        Assert.Null(fromGit.Rejection);
        Assert.True(Entry(fromGit, "tools/run.sh").Executable);
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
        Assert.NotEqual(0, (await _git.RunAsync(target, "cat-file", "-e", sha)).ExitCode);
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

    [Fact]
    public async Task ReadAsync_CallerCancels_ThrowsOperationCanceledAndLeavesNoGitRunning()
    {
        for (var i = 0; i < 200; i++)
        {
            _student.WriteFile($"pkg/mod{i}.py", $"X = {i}\n");
        }

        var sha = await _student.CommitAllAsync("200 files");
        await _student.PushAsync();
        var target = Path.Combine(_git.Root, "read-cancelled");
        var commit = await _fetcher.FetchAsync(Remote, sha, _gitHub.CreateInstallationToken(_installation), target, Generous, CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => commit.ReadAsync(ResourceLimits.Default, cancelled.Token));

        Assert.Equal(200, (await commit.ReadAsync(ResourceLimits.Default, CancellationToken.None)).Files);
        Assert.DoesNotContain(Process.GetProcessesByName("git"), p => IsIn(p, target));
    }

    private static bool IsIn(Process process, string directory)
    {
        try
        {
            return File.ReadAllText($"/proc/{process.Id}/environ").Contains("GIT_DIR=" + directory, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string BasicCredentials(string token) => Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));

    private static StagedEntry Entry(SubmissionSnapshot snapshot, string path) =>
        Assert.Single(snapshot.Tree.Entries, e => e.RelativePath == $"{SubmissionSnapshot.Root}/{path}");

    private static string ContentOf(SubmissionSnapshot snapshot, string path) => Encoding.UTF8.GetString(Entry(snapshot, path).Content!.Value.Span);

    /// <summary>Every staged entry in order: path, kind, owner, execute bit and content.</summary>
    private static List<string> Describe(SubmissionSnapshot snapshot) =>
        [.. snapshot.Tree.Entries.Select(e => $"{e.RelativePath} {e.Kind} {e.Owner} {(e.Executable ? "x" : "-")} {(e.Content is { } c ? Convert.ToHexString(c.Span) : "")}")];

    private static async Task RunBashAsync(string directory, string script)
    {
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { WorkingDirectory = directory, UseShellExecute = false })!;
        await bash.WaitForExitAsync();
        Assert.Equal(0, bash.ExitCode);
    }

    private async Task<SubmissionSnapshot> FetchAndReadAsync(string sha, ResourceLimits limits)
    {
        var target = Path.Combine(_git.Root, "fetched-" + Guid.NewGuid().ToString("N"));
        var token = _gitHub.CreateInstallationToken(_installation);
        var commit = await _fetcher.FetchAsync(Remote, sha, token, target, Generous, CancellationToken.None);
        var snapshot = await commit.ReadAsync(limits, CancellationToken.None);
        AssertTokenNowhereUnder(target, token);
        _gitHub.AssertNoViolations();
        return snapshot;
    }

    /// <summary>A tree object written as given (no checks), in the student's repository; returns its id.</summary>
    private async Task<string> WriteTreeAsync(params (string Mode, string Name, string Id)[] entries)
    {
        using var tree = new MemoryStream();
        foreach (var (mode, name, id) in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            tree.Write(Encoding.UTF8.GetBytes($"{mode} {name}\0"));
            tree.Write(Convert.FromHexString(id));
        }

        var file = Path.Combine(_git.Root, "tree-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(file, tree.ToArray());
        return (await _student.GitAsync("hash-object", "-t", "tree", "--literally", "-w", file)).Trim();
    }

    /// <summary>The token (raw or as the Basic header git sent) is in no file of the fetched repository.</summary>
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

        var config = Path.Combine(folder, "config");
        if (File.Exists(config))
        {
            var text = File.ReadAllText(config);
            Assert.DoesNotContain("extraheader", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        }
    }
}
