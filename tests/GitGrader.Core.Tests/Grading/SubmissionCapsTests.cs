using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;

namespace GitGrader.Core.Tests.Grading;

public sealed class SubmissionCapsTests
{
    [Fact]
    public void Defaults_RealRepositoriesFit()
    {
        var limits = ResourceLimits.Default;

        Assert.Equal(20_000, limits.SubmissionFiles);
        Assert.Equal(5_000, limits.SubmissionFolders);
        Assert.Equal(32, limits.SubmissionDepth);
        Assert.Equal(1024, limits.SubmissionPathBytes);
        Assert.Equal(25_000, limits.SubmissionEntries);
        Assert.True(limits.SubmissionEntries >= limits.SubmissionFiles + limits.SubmissionFolders);
    }

    [Fact]
    public void Add_FilesAtTheLimit_PassOneMoreFails()
    {
        var outcome = AddAll(new ResourceLimits { SubmissionFiles = 3 }, Files(4));

        Assert.Equal(3, outcome.Accepted);
        Assert.StartsWith("The submission holds more than 3 files, the limit for this assignment.", outcome.Rejection, StringComparison.Ordinal);
        Assert.Contains("`limits: { submission_files: N }` in assignment.yml", outcome.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_FoldersAtTheLimit_PassOneMoreFails()
    {
        var outcome = AddAll(new ResourceLimits { SubmissionFolders = 2 }, [Dir("a"), File("a/x"), Dir("b"), Dir("c")]);

        Assert.Equal(3, outcome.Accepted);
        Assert.StartsWith("The submission holds more than 2 folders, the limit for this assignment.", outcome.Rejection, StringComparison.Ordinal);
        Assert.Contains("submission_folders", outcome.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_FoldersDoNotCountAsFilesNorFilesAsFolders()
    {
        var outcome = AddAll(new ResourceLimits { SubmissionFiles = 1, SubmissionFolders = 1 }, [Dir("a"), File("a/x")]);

        Assert.Null(outcome.Rejection);
    }

    [Fact]
    public void Add_DepthAtTheLimit_PassesOneDeeperFails()
    {
        var limits = new ResourceLimits { SubmissionDepth = 3 };

        Assert.Null(AddAll(limits, [Dir("a"), Dir("a/b"), File("a/b/c.txt")]).Rejection);
        var outcome = AddAll(limits, [Dir("a"), Dir("a/b"), Dir("a/b/c"), File("a/b/c/d.txt")]);

        Assert.Equal(3, outcome.Accepted);
        Assert.StartsWith("'a/b/c/d.txt' lies 4 levels deep in the submission, more than 3, the limit for this assignment.", outcome.Rejection, StringComparison.Ordinal);
        Assert.Contains("submission_depth", outcome.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_PathLengthAtTheLimit_PassesOneByteMoreFails()
    {
        var limits = new ResourceLimits { SubmissionPathBytes = 10 };

        Assert.Null(AddAll(limits, [File("abcdefghij")]).Rejection);
        var outcome = AddAll(limits, [File("abcdefghijk")]);

        Assert.Equal(0, outcome.Accepted);
        Assert.StartsWith("The path 'abcdefghijk' is 11 bytes long, more than 10, the limit for this assignment.", outcome.Rejection, StringComparison.Ordinal);
        Assert.Contains("submission_path_length", outcome.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_PathLength_CountsUtf8BytesNotCharacters()
    {
        // "é" is one character, two bytes: 6 characters, 11 bytes.
        var outcome = AddAll(new ResourceLimits { SubmissionPathBytes = 10 }, [File("ééééé.")]);

        Assert.Contains("is 11 bytes long", outcome.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_LongPath_ShownCutInTheMiddle()
    {
        var path = new string('a', 300) + "/" + new string('b', 300);

        var outcome = AddAll(ResourceLimits.Default with { SubmissionPathBytes = 100 }, [File(path)]);

        Assert.NotNull(outcome.Rejection);
        Assert.True(outcome.Rejection.Length < 400, outcome.Rejection);
        Assert.Contains("…", outcome.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_EntriesAtTheLimit_PassOneMoreFails_LinksAndSkippedNamesCount()
    {
        SubmissionEntry[] entries =
        [
            new(SubmissionEntryKind.SymbolicLink, "l1"),
            new(SubmissionEntryKind.Submodule, "vendor"),
            new(SubmissionEntryKind.Refused, ".GIT"),
            new(SubmissionEntryKind.SymbolicLink, "l2"),
        ];

        var outcome = AddAll(new ResourceLimits { SubmissionEntries = 3 }, entries);

        Assert.Equal(3, outcome.Accepted);
        Assert.StartsWith("The submission holds more than 3 entries (files, folders and links together), the limit for this assignment.", outcome.Rejection, StringComparison.Ordinal);
        Assert.Contains("submission_entries", outcome.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_BytesAtTheLimit_PassOneMoreFails()
    {
        var limits = new ResourceLimits { SubmissionBytes = 1000 };

        Assert.Null(AddAll(limits, [Sized("a", 600), Sized("b", 400)]).Rejection);
        var outcome = AddAll(limits, [Sized("a", 600), Sized("b", 401)]);

        Assert.Equal(1, outcome.Accepted);
        Assert.Contains("more than 1000 bytes, the limit for this assignment ('b' alone is 401 bytes)", outcome.Rejection, StringComparison.Ordinal);
        Assert.Contains("submission_size", outcome.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_ManySmallFilesFillingTheWorkspaceInWholePages_RejectedAtTheLimitNotBefore()
    {
        // 16 files of 1 byte take 16 pages of 4 KiB: exactly a 64 KiB workspace; the 17th is one page over.
        var limits = new ResourceLimits { WorkspaceBytes = 16 * 4096 };

        Assert.Null(AddAll(limits, Files(16)).Rejection);
        var outcome = AddAll(limits, Files(17));

        Assert.Equal(16, outcome.Accepted);
        Assert.StartsWith("Staged, the submission's 17 files would take more than the 64 KiB workspace of this assignment (each file takes at least 4 KiB there).", outcome.Rejection, StringComparison.Ordinal);
        Assert.Contains("`limits: { workspace: N }`", outcome.Rejection, StringComparison.Ordinal);
        Assert.Null(AddAll(limits, [Sized("a", 0), Sized("b", 0), Sized("c", 16 * 4096)]).Rejection);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a/b", 2)]
    [InlineData("a/b/c.txt", 3)]
    public void Depth_CountsNames(string path, int depth) => Assert.Equal(depth, SubmissionCaps.Depth(path));

    [Fact]
    public void Make_ThreeThousandSmallFilesUnderTheDefaults_Accepted()
    {
        var entries = Enumerable.Range(0, 60).SelectMany(folder =>
            Enumerable.Range(0, 50).Select(i => Sized($"pkg{folder:D2}/mod{i:D2}.py", 1024)).Prepend(Dir($"pkg{folder:D2}")));

        var plan = SubmissionPlan.Make(entries, ResourceLimits.Default);

        Assert.Null(plan.Rejection);
        Assert.Equal(3000, plan.Files.Count);
    }

    private static (int Accepted, string? Rejection) AddAll(ResourceLimits limits, IEnumerable<SubmissionEntry> entries)
    {
        var caps = new SubmissionCaps(limits);
        var accepted = 0;
        foreach (var entry in entries)
        {
            if (caps.Add(entry) is { } rejection)
            {
                return (accepted, rejection);
            }

            accepted++;
        }

        return (accepted, null);
    }

    private static IEnumerable<SubmissionEntry> Files(int count) => Enumerable.Range(0, count).Select(i => File($"f{i}.txt"));

    private static SubmissionEntry Dir(string path) => new(SubmissionEntryKind.Directory, path);

    private static SubmissionEntry File(string path) => new(SubmissionEntryKind.File, path, 1);

    private static SubmissionEntry Sized(string path, long size) => new(SubmissionEntryKind.File, path, size);
}
