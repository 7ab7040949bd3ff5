using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Tests.Grading;

public sealed class HiddenFilesReaderTests : IDisposable
{
    private const string Secret = "INSTRUCTOR-HOST-SECRET-91";

    private readonly GradingScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_HiddenFolder_StagedUnderHiddenOwnedByGrader()
    {
        _folder.Write("hidden/test_stats.py", "def test_mean(): pass\n");
        _folder.Write("hidden/data/cases.txt", "1 2 3\n");

        var tree = await Read();

        Assert.NotNull(tree);
        var hidden = tree.Entries.Where(e => e.RelativePath == "hidden" || e.RelativePath.StartsWith("hidden/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["hidden", "hidden/data", "hidden/data/cases.txt", "hidden/test_stats.py"],
            hidden.Select(e => e.RelativePath).Order(StringComparer.Ordinal));
        Assert.All(hidden, e => Assert.Equal(StagedOwner.Grader, e.Owner));
        Assert.Equal(StagedEntryKind.Directory, Entry(tree, "hidden/data").Kind);
        Assert.Equal(StagedEntryKind.File, Entry(tree, "hidden/test_stats.py").Kind);
        Assert.Equal("1 2 3\n", Text(Entry(tree, "hidden/data/cases.txt")));
    }

    [Fact]
    public async Task ReadAsync_HiddenFolder_OverlaidOnSubmissionAtSamePaths()
    {
        _folder.Write("hidden/test_stats.py", "def test_mean(): pass\n");
        _folder.Write("hidden/data/cases.txt", "1 2 3\n");

        var tree = await Read();

        Assert.NotNull(tree);
        var overlay = tree.Entries.Where(e => e.RelativePath.StartsWith("submission/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["submission/data", "submission/data/cases.txt", "submission/test_stats.py"],
            overlay.Select(e => e.RelativePath).Order(StringComparer.Ordinal));
        var overlayFiles = overlay.Where(e => e.Kind == StagedEntryKind.File).ToList();
        Assert.All(overlayFiles, e => Assert.Equal(StagedOwner.Grader, e.Owner));
        foreach (var file in overlayFiles)
        {
            var twin = Assert.Single(tree.Entries, e => e.RelativePath == "hidden/" + file.RelativePath["submission/".Length..]);
            Assert.Equal(Text(twin), Text(file));
        }
    }

    [Fact]
    public async Task ReadAsync_HiddenFolder_OverlayAfterHiddenCopyAndParentsFirst()
    {
        _folder.Write("hidden/a/test_a.py", "A\n");
        _folder.Write("hidden/a-b/c/test_c.py", "C\n");
        _folder.Write("hidden/test_b.py", "B\n");

        var tree = await Read();

        Assert.NotNull(tree);
        var paths = tree.Entries.Select(e => e.RelativePath).ToList();
        var lastHidden = paths.FindLastIndex(p => p.StartsWith("hidden", StringComparison.Ordinal));
        var firstOverlay = paths.FindIndex(p => p.StartsWith("submission/", StringComparison.Ordinal));
        Assert.True(lastHidden < firstOverlay, $"Overlay at {firstOverlay} precedes hidden entry at {lastHidden}.");
        foreach (var (path, index) in paths.Select((p, i) => (p, i)).Where(p => p.p.Contains('/', StringComparison.Ordinal)))
        {
            var parent = path[..path.LastIndexOf('/')];
            if (parent != "submission")
            {
                Assert.InRange(paths.IndexOf(parent), 0, index - 1);
            }
        }
    }

    [Fact]
    public async Task ReadAsync_ExecutableHiddenFile_ExecutableInBothCopies()
    {
        var script = _folder.Write("hidden/check.sh", "#!/bin/sh\nexit 0\n");
        GradingScratchFolder.SetExecutable(script, executable: true);
        var plain = _folder.Write("hidden/expected.txt", "42\n");
        GradingScratchFolder.SetExecutable(plain, executable: false);

        var tree = await Read();

        Assert.NotNull(tree);
        Assert.True(Entry(tree, "hidden/check.sh").Executable);
        Assert.True(Entry(tree, "submission/check.sh").Executable);
        Assert.False(Entry(tree, "hidden/expected.txt").Executable);
        Assert.False(Entry(tree, "submission/expected.txt").Executable);
    }

    [Fact]
    public async Task ReadAsync_DotFile_Staged()
    {
        _folder.Write("hidden/.fixture", "x");

        var tree = await Read();

        Assert.NotNull(tree);
        Assert.Contains(tree.Entries, e => e.RelativePath == "hidden/.fixture");
        Assert.Contains(tree.Entries, e => e.RelativePath == "submission/.fixture");
    }

    [Fact]
    public async Task ReadAsync_FileSymlinkInHidden_Skipped()
    {
        _folder.Write("elsewhere/key.txt", Secret);
        _folder.Write("hidden/test_a.py", "pass\n");
        File.CreateSymbolicLink(_folder.PathOf("hidden/link.txt"), _folder.PathOf("elsewhere/key.txt"));

        var tree = await Read();

        Assert.NotNull(tree);
        Assert.DoesNotContain(tree.Entries, e => e.RelativePath.Contains("link", StringComparison.Ordinal));
        Assert.Contains(tree.Entries, e => e.RelativePath == "submission/test_a.py");
        AssertSecretNotStaged(tree);
    }

    [Fact]
    public async Task ReadAsync_DirectorySymlinkInHidden_NotFollowed()
    {
        _folder.Write("elsewhere/keys/key.txt", Secret);
        _folder.Write("hidden/test_a.py", "pass\n");
        Directory.CreateSymbolicLink(_folder.PathOf("hidden/linkdir"), _folder.PathOf("elsewhere/keys"));

        var tree = await Read();

        Assert.NotNull(tree);
        Assert.DoesNotContain(tree.Entries, e => e.RelativePath.Contains("linkdir", StringComparison.Ordinal));
        AssertSecretNotStaged(tree);
    }

    [Fact]
    public async Task ReadAsync_EmptyHiddenFolder_OnlyRoot()
    {
        Directory.CreateDirectory(_folder.PathOf("hidden"));

        var tree = await Read();

        Assert.NotNull(tree);
        var root = Assert.Single(tree.Entries);
        Assert.Equal("hidden", root.RelativePath);
        Assert.Equal(StagedOwner.Grader, root.Owner);
    }

    [Fact]
    public async Task ReadAsync_NoHiddenFolder_Null()
    {
        _folder.Write("starter/main.py", "pass\n");

        var tree = await Read();

        Assert.Null(tree);
    }

    [Fact]
    public async Task Select_ListedFileAndFolder_StagesOnlyThemAndTheirParents_InBothPlaces()
    {
        _folder.Write("hidden/tests/visible/test_basic.py", "basic\n");
        _folder.Write("hidden/tests/hidden/test_edge.py", "edge\n");
        _folder.Write("hidden/data/cases.txt", "1 2 3\n");
        _folder.Write("hidden/secret.py", Secret);
        var all = await Read();

        var selected = HiddenFilesReader.Select(all!, ["tests/visible/test_basic.py", "data"]);

        Assert.Equal(
            [
                "hidden", "hidden/data", "hidden/data/cases.txt", "hidden/tests", "hidden/tests/visible", "hidden/tests/visible/test_basic.py",
                "submission/data", "submission/data/cases.txt", "submission/tests", "submission/tests/visible", "submission/tests/visible/test_basic.py",
            ],
            selected.Entries.Select(e => e.RelativePath).Order(StringComparer.Ordinal));
        Assert.Equal("basic\n", Text(Entry(selected, "submission/tests/visible/test_basic.py")));
        Assert.Equal(StagedOwner.Grader, Entry(selected, "submission/tests/visible/test_basic.py").Owner);
        AssertSecretNotStaged(selected);
    }

    private static void AssertSecretNotStaged(StagedTree tree) => Assert.All(
        tree.Entries.Where(e => e.Content is not null),
        e => Assert.DoesNotContain(Secret, Text(e), StringComparison.Ordinal));

    private static StagedEntry Entry(StagedTree tree, string path) => Assert.Single(tree.Entries, e => e.RelativePath == path);

    private static string Text(StagedEntry entry) => Encoding.UTF8.GetString(entry.Content!.Value.Span);

    private Task<StagedTree?> Read() => HiddenFilesReader.ReadAsync(
        new Assignment
        {
            Slug = "stats",
            Name = "Stats",
            Image = "gitgrader/python:latest",
            Directory = _folder.Root,
            Tests = [],
        },
        CancellationToken.None);
}
