using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;

namespace GitGrader.Core.Tests.Grading;

public sealed class SubmissionPathsTests
{
    private static readonly Func<SubmissionEntry, CancellationToken, ValueTask<ReadOnlyMemory<byte>>> ReadPath =
        (file, _) => ValueTask.FromResult<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes(file.Path));

    [Theory]
    [InlineData(4078, false)] // "/work/submission/" (17) + 4078 + NUL = 4096
    [InlineData(4079, true)]
    public void TooLong_CountsTheSandboxPrefixAndTheTerminatingNul(int length, bool tooLong)
    {
        var path = string.Join('/', Enumerable.Repeat(new string('d', 99), 50))[..length];

        Assert.Equal(tooLong, SubmissionPaths.TooLong(path));
    }

    [Fact]
    public void TooLong_ANameOverNameMax_EvenInAShortPath()
    {
        Assert.False(SubmissionPaths.TooLong("src/" + new string('n', 255)));
        Assert.True(SubmissionPaths.TooLong("src/" + new string('n', 256)));
        Assert.True(SubmissionPaths.TooLong("src/" + new string('é', 128))); // 256 bytes in UTF-8
    }

    [Fact]
    public async Task Make_PathPastPathMax_SkippedWithOneNote_WithAllItHolds_RestStaged()
    {
        var deep = string.Join('/', Enumerable.Repeat(new string('d', 200), 21));
        var plan = SubmissionPlan.Make(
            [
                new SubmissionEntry(SubmissionEntryKind.Directory, "src"),
                new SubmissionEntry(SubmissionEntryKind.File, "src/add.py", 3, false, "src/add.py"),
                new SubmissionEntry(SubmissionEntryKind.Directory, deep),
                new SubmissionEntry(SubmissionEntryKind.File, deep + "/bottom.txt", 4, false, "x"),
                new SubmissionEntry(SubmissionEntryKind.Directory, deep + "/more"),
                new SubmissionEntry(SubmissionEntryKind.File, "z.txt", 5, false, "z.txt"),
            ],
            ResourceLimits.Default with { SubmissionPathBytes = 8192 }); // an assignment that raised the path cap past PATH_MAX

        var snapshot = await plan.StageAsync(ReadPath, CancellationToken.None);

        Assert.Null(snapshot.Rejection);
        var note = Assert.Single(snapshot.Notes);
        Assert.Contains("its path is longer than a sandbox can stage", note, StringComparison.Ordinal);
        Assert.True(note.Length < 400, "The note quotes a shortened path.");
        Assert.Equal(
            ["submission", "submission/src", "submission/src/add.py", "submission/z.txt"],
            snapshot.Tree.Entries.Select(e => e.RelativePath));
    }

    [Fact]
    public void Make_PathPastPathMax_UnderTheDefaultCaps_IsRejectedByThePathCap()
    {
        var deep = string.Join('/', Enumerable.Repeat(new string('d', 200), 21));

        var plan = SubmissionPlan.Make([new SubmissionEntry(SubmissionEntryKind.Directory, deep)], ResourceLimits.Default);

        Assert.NotNull(plan.Rejection);
        Assert.Contains("submission_path_length", plan.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Make_FolderTooDeepToListOnTheHost_SkippedWithANote()
    {
        var plan = SubmissionPlan.Make(
            [new SubmissionEntry(SubmissionEntryKind.PathTooLong, "a/b"), new SubmissionEntry(SubmissionEntryKind.File, "a/b/c.txt", 1, false, "x")],
            ResourceLimits.Default);

        var snapshot = await plan.StageAsync(ReadPath, CancellationToken.None);

        Assert.Contains("Skipped 'a/b' and all it holds", Assert.Single(snapshot.Notes), StringComparison.Ordinal);
        Assert.Equal(["submission"], snapshot.Tree.Entries.Select(e => e.RelativePath));
    }
}
