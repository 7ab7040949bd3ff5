using System.Diagnostics;
using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Sandboxing;
using Xunit.Abstractions;

namespace GitGrader.Core.Tests.Grading;

public sealed class FolderSubmissionSourceTests : IDisposable
{
    private const string Secret = "HOST-SECRET-c0ffee-5150";

    private readonly GradingScratchFolder _submission = new();
    private readonly GradingScratchFolder _outside = new();
    private readonly ITestOutputHelper _output;

    public FolderSubmissionSourceTests(ITestOutputHelper output) => _output = output;

    public void Dispose()
    {
        _submission.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public async Task ReadAsync_FilesAndNestedFolders_StagedUnderSubmission()
    {
        _submission.Write("main.py", "print('hi')\n");
        _submission.Write("src/pkg/mod.py", "X = 1\n");
        _submission.Write("src/util.py", "Y = 2\n");

        var snapshot = await Read();

        Assert.Null(snapshot.Rejection);
        Assert.Equal(3, snapshot.Files);
        Assert.Empty(snapshot.Notes);
        Assert.Equal(
            ["submission", "submission/src", "submission/src/pkg"],
            snapshot.Tree.Entries.Where(e => e.Kind == StagedEntryKind.Directory).Select(e => e.RelativePath));
        Assert.Equal(
            ["submission/main.py", "submission/src/pkg/mod.py", "submission/src/util.py"],
            snapshot.Tree.Entries.Where(e => e.Kind == StagedEntryKind.File).Select(e => e.RelativePath).Order(StringComparer.Ordinal));
        Assert.All(snapshot.Tree.Entries, e => Assert.Equal(StagedOwner.Student, e.Owner));
        Assert.Equal("X = 1\n", ContentOf(snapshot, "submission/src/pkg/mod.py"));
        Assert.Equal(12 + 6 + 6, snapshot.Tree.ContentBytes);
    }

    [Fact]
    public async Task ReadAsync_DeepFolders_ParentsStagedBeforeChildren()
    {
        _submission.Write("b/y/z/deep.txt", "1");
        _submission.Write("a/x/file.txt", "2");
        _submission.Write("b/sibling.txt", "3");

        var snapshot = await Read();

        var paths = snapshot.Tree.Entries.Select(e => e.RelativePath).ToList();
        foreach (var (path, index) in paths.Select((p, i) => (p, i)).Where(p => p.p.Contains('/', StringComparison.Ordinal)))
        {
            var parent = path[..path.LastIndexOf('/')];
            Assert.InRange(paths.IndexOf(parent), 0, index - 1);
        }
    }

    [Fact]
    public async Task ReadAsync_GitFolder_Skipped()
    {
        _submission.Write(".git/config", "[core]\n");
        _submission.Write(".git/objects/ab/cdef", "blob");
        _submission.Write(".gitignore", "__pycache__/\n");
        _submission.Write("main.py", "pass\n");

        var snapshot = await Read();

        Assert.Equal(2, snapshot.Files);
        Assert.DoesNotContain(snapshot.Tree.Entries, e => e.RelativePath.StartsWith("submission/.git/", StringComparison.Ordinal) || e.RelativePath == "submission/.git");
        Assert.Contains(snapshot.Tree.Entries, e => e.RelativePath == "submission/.gitignore");
    }

    [Fact]
    public async Task ReadAsync_SymlinkToOutsideFile_SkippedWithNoteAndNeverRead()
    {
        var target = _outside.Write("secret.txt", Secret);
        _submission.Write("main.py", "print(open('leak.txt').read())\n");
        File.CreateSymbolicLink(_submission.PathOf("leak.txt"), target);

        var snapshot = await Read();

        Assert.Null(snapshot.Rejection);
        Assert.Equal(1, snapshot.Files);
        Assert.DoesNotContain(snapshot.Tree.Entries, e => e.RelativePath == "submission/leak.txt");
        var note = Assert.Single(snapshot.Notes);
        Assert.Contains("'leak.txt'", note, StringComparison.Ordinal);
        AssertSecretNotStaged(snapshot);
    }

    [Fact]
    public async Task ReadAsync_SymlinkToDirectory_SkippedWithNoteAndNeverRead()
    {
        _outside.Write("keys/id_rsa", Secret);
        _submission.Write("main.py", "pass\n");
        Directory.CreateDirectory(_submission.PathOf("data"));
        Directory.CreateSymbolicLink(_submission.PathOf("data/keys"), _outside.PathOf("keys"));

        var snapshot = await Read();

        Assert.Null(snapshot.Rejection);
        Assert.DoesNotContain(snapshot.Tree.Entries, e => e.RelativePath.StartsWith("submission/data/keys", StringComparison.Ordinal));
        Assert.Contains(snapshot.Tree.Entries, e => e.RelativePath == "submission/data" && e.Kind == StagedEntryKind.Directory);
        var note = Assert.Single(snapshot.Notes);
        Assert.Contains("'data/keys'", note, StringComparison.Ordinal);
        AssertSecretNotStaged(snapshot);
    }

    [Fact]
    public async Task ReadAsync_DanglingSymlink_SkippedWithNote()
    {
        _submission.Write("main.py", "pass\n");
        File.CreateSymbolicLink(_submission.PathOf("nowhere"), "/nonexistent/gitgrader/target");

        var snapshot = await Read();

        Assert.Null(snapshot.Rejection);
        Assert.Equal(1, snapshot.Files);
        Assert.Contains("'nowhere'", Assert.Single(snapshot.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Fifo_DoesNotBlockAndStagedEmpty()
    {
        _submission.Write("main.py", "pass\n");
        _submission.MakeFifo("pipe");

        var snapshot = await Task.Run(() => Read()).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(snapshot.Rejection);
        var pipe = Assert.Single(snapshot.Tree.Entries, e => e.RelativePath == "submission/pipe");
        Assert.Equal(StagedEntryKind.File, pipe.Kind);
        Assert.NotNull(pipe.Content);
        Assert.Equal(0, pipe.Content.Value.Length);
    }

    [Fact]
    public async Task ReadAsync_NameNotValidUtf8_SkippedWithANote()
    {
        _submission.Write("main.py", "pass\n");
        using (var touch = Process.Start(new ProcessStartInfo("bash", ["-c", "touch \"$1\"$'\\xff\\xfe-bad.txt'", "bash", _submission.Root + "/"]) { UseShellExecute = false })!)
        {
            await touch.WaitForExitAsync();
            Assert.Equal(0, touch.ExitCode);
        }

        var snapshot = await Read();

        Assert.Null(snapshot.Rejection);
        Assert.Equal(1, snapshot.Files);
        Assert.Contains(snapshot.Notes, n => n.Contains("not valid UTF-8", StringComparison.Ordinal));
        Assert.Contains(snapshot.Tree.Entries, e => e.RelativePath == "submission/main.py");
    }

    [Fact]
    public async Task ReadAsync_TooManyFiles_RejectionMentioningLimit()
    {
        for (var i = 0; i < 4; i++)
        {
            _submission.Write($"f{i}.txt", "x");
        }

        var snapshot = await Read(new ResourceLimits { SubmissionFiles = 3 });

        Assert.NotNull(snapshot.Rejection);
        Assert.Contains("more than 3 files", snapshot.Rejection, StringComparison.Ordinal);
        Assert.Equal(0, snapshot.Files);
        var root = Assert.Single(snapshot.Tree.Entries);
        Assert.Equal("submission", root.RelativePath);
    }

    [Fact]
    public async Task ReadAsync_ExactlyFileLimit_Accepted()
    {
        for (var i = 0; i < 3; i++)
        {
            _submission.Write($"f{i}.txt", "x");
        }

        var snapshot = await Read(new ResourceLimits { SubmissionFiles = 3 });

        Assert.Null(snapshot.Rejection);
        Assert.Equal(3, snapshot.Files);
    }

    [Fact]
    public async Task ReadAsync_TooManyFilesInGitFolder_NotCounted()
    {
        for (var i = 0; i < 5; i++)
        {
            _submission.Write($".git/objects/{i}", "x");
        }

        _submission.Write("main.py", "pass\n");

        var snapshot = await Read(new ResourceLimits { SubmissionFiles = 1 });

        Assert.Null(snapshot.Rejection);
        Assert.Equal(1, snapshot.Files);
    }

    [Fact]
    public async Task ReadAsync_TooManyBytes_RejectionNamingLargeFile()
    {
        _submission.Write("a.txt", "small");
        _submission.WriteBytes("data/big.bin", 3 * 1024);

        var snapshot = await Read(new ResourceLimits { SubmissionBytes = 2 * 1024 });

        Assert.NotNull(snapshot.Rejection);
        Assert.Contains("'data/big.bin' alone is 3 KiB", snapshot.Rejection, StringComparison.Ordinal);
        Assert.Contains("more than 2 KiB", snapshot.Rejection, StringComparison.Ordinal);
        Assert.Equal(0, snapshot.Files);
        Assert.Equal(0, snapshot.Tree.ContentBytes);
    }

    [Fact]
    public async Task ReadAsync_200000EmptyFolders_RejectedFastForTheFolderCapAndNothingStaged()
    {
        using var many = new GradingScratchFolder(inMemory: true);
        for (var i = 0; i < 200_000; i++)
        {
            Directory.CreateDirectory(many.PathOf($"d{i:D6}"));
        }

        var clock = Stopwatch.StartNew();
        var snapshot = await new FolderSubmissionSource(many.Root).ReadAsync(ResourceLimits.Default, CancellationToken.None);
        clock.Stop();
        _output.WriteLine($"read in {clock.Elapsed.TotalMilliseconds:N0} ms");

        Assert.StartsWith("The submission holds more than 5,000 folders, the limit for this assignment.", snapshot.Rejection, StringComparison.Ordinal);
        Assert.Equal(0, snapshot.Files);
        Assert.Equal("submission", Assert.Single(snapshot.Tree.Entries).RelativePath);
        // Generous on a shared 2-core machine; the walk stops at the 5,001st folder (about 0.2 s here).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed.TotalMilliseconds:N0} ms");
    }

    [Fact]
    public async Task ReadAsync_200000EmptyFoldersNested_RejectedFastAndNothingStaged()
    {
        // 400 folders of 500: the walk meets them folder by folder.
        using var many = new GradingScratchFolder(inMemory: true);
        for (var i = 0; i < 200_000; i++)
        {
            Directory.CreateDirectory(many.PathOf($"p{i / 500:D3}/d{i % 500:D3}"));
        }

        var clock = Stopwatch.StartNew();
        var snapshot = await new FolderSubmissionSource(many.Root).ReadAsync(ResourceLimits.Default, CancellationToken.None);
        clock.Stop();
        _output.WriteLine($"read in {clock.Elapsed.TotalMilliseconds:N0} ms");

        Assert.StartsWith("The submission holds more than 5,000 folders", snapshot.Rejection, StringComparison.Ordinal);
        Assert.Equal("submission", Assert.Single(snapshot.Tree.Entries).RelativePath);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed.TotalMilliseconds:N0} ms");
    }

    [Fact]
    public async Task ReadAsync_FoldersDeeperThanTheCap_RejectedNamingTheDepthCap()
    {
        _submission.Write(string.Join('/', Enumerable.Range(0, 40).Select(i => $"d{i}")) + "/deep.txt", "x");

        var snapshot = await Read(ResourceLimits.Default);

        Assert.StartsWith("'d0/d1/", snapshot.Rejection, StringComparison.Ordinal);
        Assert.Contains("lies 33 levels deep in the submission, more than 32", snapshot.Rejection, StringComparison.Ordinal);
        Assert.Equal("submission", Assert.Single(snapshot.Tree.Entries).RelativePath);
    }

    [Fact]
    public async Task ReadAsync_ThreeThousandSmallFiles_AcceptedUnderTheDefaultsWellUnderASecond()
    {
        for (var i = 0; i < 3000; i++)
        {
            _submission.Write($"pkg{i / 50:D2}/mod{i % 50:D2}.py", $"def f{i}(x):\n    return x + {i}\n");
        }

        await Read(ResourceLimits.Default); // warm-up: JIT
        var clock = Stopwatch.StartNew();
        var snapshot = await Read(ResourceLimits.Default);
        clock.Stop();
        _output.WriteLine($"read in {clock.Elapsed.TotalMilliseconds:N0} ms");

        Assert.Null(snapshot.Rejection);
        Assert.Equal(3000, snapshot.Files);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalMilliseconds:N0} ms");
    }

    [Fact]
    public async Task ReadAsync_CompiledPython_DroppedWithOneNoteCountingThem()
    {
        _submission.Write("calc.py", "def add(a, b):\n    return a - b\n");
        _submission.Write("__pycache__/calc.cpython-311.pyc", "compiled");
        _submission.Write("__pycache__/notes.txt", "kept out too");
        _submission.Write("pkg/__pycache__/mod.cpython-311.pyc", "compiled");
        _submission.Write("pkg/mod.py", "X = 1\n");
        _submission.Write("helper.PYC", "compiled");

        var snapshot = await Read(ResourceLimits.Default);

        Assert.Null(snapshot.Rejection);
        Assert.Equal(
            ["submission", "submission/pkg", "submission/calc.py", "submission/pkg/mod.py"],
            snapshot.Tree.Entries.Select(e => e.RelativePath));
        Assert.Equal("3 compiled Python files (.pyc) were not staged, nor any __pycache__ folder; the source is graded.", Assert.Single(snapshot.Notes));
    }

    [Fact]
    public async Task ReadAsync_ExactlyByteLimit_Accepted()
    {
        _submission.WriteBytes("a.bin", 600);
        _submission.WriteBytes("b.bin", 400);

        var snapshot = await Read(new ResourceLimits { SubmissionBytes = 1000 });

        Assert.Null(snapshot.Rejection);
        Assert.Equal(1000, snapshot.Tree.ContentBytes);
    }

    [Fact]
    public async Task ReadAsync_ExecutableBit_Preserved()
    {
        var script = _submission.Write("run.sh", "#!/bin/sh\necho hi\n");
        GradingScratchFolder.SetExecutable(script, executable: true);
        var plain = _submission.Write("notes.txt", "hello\n");
        GradingScratchFolder.SetExecutable(plain, executable: false);

        var snapshot = await Read();

        Assert.True(Entry(snapshot, "submission/run.sh").Executable);
        Assert.False(Entry(snapshot, "submission/notes.txt").Executable);
    }

    [Fact]
    public async Task ReadAsync_MissingFolder_ThrowsDirectoryNotFound()
    {
        var missing = _submission.PathOf("does-not-exist");

        await Assert.ThrowsAsync<DirectoryNotFoundException>(
            () => new FolderSubmissionSource(missing).ReadAsync(ResourceLimits.Default, CancellationToken.None));
    }

    private static void AssertSecretNotStaged(SubmissionSnapshot snapshot)
    {
        foreach (var entry in snapshot.Tree.Entries)
        {
            Assert.DoesNotContain(Secret, entry.RelativePath, StringComparison.Ordinal);
            if (entry.Content is { } content)
            {
                Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(content.Span), StringComparison.Ordinal);
            }
        }

        Assert.All(snapshot.Notes, n => Assert.DoesNotContain(Secret, n, StringComparison.Ordinal));
    }

    private static StagedEntry Entry(SubmissionSnapshot snapshot, string path) =>
        Assert.Single(snapshot.Tree.Entries, e => e.RelativePath == path);

    private static string ContentOf(SubmissionSnapshot snapshot, string path) =>
        Encoding.UTF8.GetString(Entry(snapshot, path).Content!.Value.Span);

    private Task<SubmissionSnapshot> Read(ResourceLimits? limits = null) =>
        new FolderSubmissionSource(_submission.Root).ReadAsync(limits ?? ResourceLimits.Default, CancellationToken.None);
}
