using System.Text;
using GitGrader.Core.Grading;
using GitGrader.Worker;

namespace GitGrader.AppTests.Units;

public sealed class GitTreeEntryTests
{
    private const string Oid = "53c74cd6c8f3911ae716f60f9b79f575aab0e975";

    [Theory]
    [InlineData("100644 blob " + Oid + "     123\tsrc/main.py", SubmissionEntryKind.File, "src/main.py", 123, false)]
    [InlineData("100755 blob " + Oid + "       9\trun.sh", SubmissionEntryKind.File, "run.sh", 9, true)]
    [InlineData("100664 blob " + Oid + "       1\told-mode.txt", SubmissionEntryKind.File, "old-mode.txt", 1, false)]
    [InlineData("120000 blob " + Oid + "      11\tpasswd", SubmissionEntryKind.SymbolicLink, "passwd", 0, false)]
    [InlineData("160000 commit " + Oid + "       -\tvendor/lib", SubmissionEntryKind.Submodule, "vendor/lib", 0, false)]
    [InlineData("040000 tree " + Oid + "       -\tsrc", SubmissionEntryKind.Directory, "src", 0, false)]
    [InlineData("100000 weird " + Oid + "       -\todd", SubmissionEntryKind.Refused, "odd", 0, false)]
    public void Parse_ListingRecord_KindPathSizeAndExecuteBit(string record, SubmissionEntryKind kind, string path, long size, bool executable)
    {
        var entry = GitTreeEntry.Parse(Encoding.UTF8.GetBytes(record));

        Assert.NotNull(entry);
        Assert.Equal(kind, entry.Kind);
        Assert.Equal(path, entry.Path);
        Assert.Equal(size, entry.Size);
        Assert.Equal(executable, entry.Executable);
        Assert.Equal(kind == SubmissionEntryKind.File ? Oid : string.Empty, entry.Locator);
    }

    [Theory]
    [InlineData("100644 blob " + Oid + "       -\tmissing.txt")]
    [InlineData("100644 blob " + Oid + " 12")]
    [InlineData("100944 blob " + Oid + "      12\tnot-octal")]
    [InlineData("100644 blob\tshort")]
    [InlineData("100644 blob " + Oid + "      12\t")]
    public void Parse_NotAListingRecordOrAMissingBlob_Null(string record)
    {
        Assert.Null(GitTreeEntry.Parse(Encoding.UTF8.GetBytes(record)));
    }

    [Fact]
    public void Parse_PathNotValidUtf8_DecodedWithReplacementCharacters()
    {
        byte[] record = [.. Encoding.ASCII.GetBytes("100644 blob " + Oid + "       1\tbad"), 0xFF, .. "/x.txt"u8];

        var entry = GitTreeEntry.Parse(record);

        Assert.Equal("bad\uFFFD/x.txt", entry!.Path);
        Assert.True(SubmissionEntry.NotUtf8(entry.Path));
    }

    [Fact]
    public void SkipUnder_UnfitNames_OneEntryForTheFirstUnfitNameAndNothingBelowIt()
    {
        var entries = new[]
        {
            Dir(".GIT"), File(".GIT/hooks/post-checkout"), File(".."), Dir("a"), File("a/ok.txt"), Dir("a/.git"), File("a/.git/config"),
            Dir("dir\uFFFD"), File("dir\uFFFD/inner.txt"), File("dir\uFFFD/more\uFFFD.txt"), File("ok.txt"), File("sub/./x"),
        };

        var kept = GitTreeEntry.SkipUnder(entries);

        Assert.Equal(
            ["Refused .GIT", "Refused ..", "Directory a", "File a/ok.txt", "Refused a/.git", "NameNotUtf8 dir\uFFFD", "File ok.txt", "Refused sub/."],
            kept.Select(e => $"{e.Kind} {e.Path}"));
        Assert.All(kept.Where(e => e.Kind is SubmissionEntryKind.File or SubmissionEntryKind.Directory), e => Assert.True(GitTreeEntry.Staged(e.Path)));
        Assert.False(GitTreeEntry.Staged("dir\uFFFD/inner.txt"));
    }

    [Fact]
    public void SkipUnder_HandMadeTreeWithATwinNameAndEntriesBelowAFile_FirstKeptTheRestRefusedOnce()
    {
        var entries = new[] { File("x"), Dir("x"), File("x/y"), Dir("x/z"), File("x/z/deep"), File("y"), File("y"), new SubmissionEntry(SubmissionEntryKind.SymbolicLink, "l"), File("l/through-a-link") };

        var kept = GitTreeEntry.SkipUnder(entries);

        Assert.Equal(
            ["File x", "Refused x", "File y", "Refused y", "SymbolicLink l", "Refused l/through-a-link"],
            kept.Select(e => $"{e.Kind} {e.Path}"));
    }

    private static SubmissionEntry Dir(string path) => new(SubmissionEntryKind.Directory, path);

    private static SubmissionEntry File(string path) => new(SubmissionEntryKind.File, path, 1, false, Oid);
}
