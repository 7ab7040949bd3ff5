using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Tests.Grading;

public sealed class SubmissionPlanTests
{
    private static readonly Func<SubmissionEntry, CancellationToken, ValueTask<ReadOnlyMemory<byte>>> ReadLocator =
        (file, _) => ValueTask.FromResult<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes(file.Locator));

    [Fact]
    public async Task StageAsync_EntriesOfEveryKind_FoldersThenFilesStagedAndTheRestNoted()
    {
        var plan = SubmissionPlan.Make(
            [
                Dir("src"),
                File("src/main.py", "print(1)"),
                new SubmissionEntry(SubmissionEntryKind.SymbolicLink, "src/passwd"),
                Dir("tools"),
                File("tools/run.sh", "#!/bin/sh", executable: true),
                new SubmissionEntry(SubmissionEntryKind.Submodule, "vendor/lib"),
                new SubmissionEntry(SubmissionEntryKind.NameNotUtf8, "bad\uFFFD.txt"),
                new SubmissionEntry(SubmissionEntryKind.Refused, ".GIT"),
            ],
            ResourceLimits.Default);

        var snapshot = await plan.StageAsync(ReadLocator, CancellationToken.None);

        Assert.Null(snapshot.Rejection);
        Assert.Equal(2, snapshot.Files);
        Assert.Equal(
            ["submission", "submission/src", "submission/tools", "submission/src/main.py", "submission/tools/run.sh"],
            snapshot.Tree.Entries.Select(e => e.RelativePath));
        Assert.True(snapshot.Tree.Entries[^1].Executable);
        Assert.False(snapshot.Tree.Entries[^2].Executable);
        Assert.Equal("print(1)", Encoding.UTF8.GetString(snapshot.Tree.Entries[^2].Content!.Value.Span));
        Assert.Equal(
            [
                "Skipped symbolic link 'src/passwd': links are never followed.",
                "Skipped submodule 'vendor/lib': submodules are never fetched; commit the files themselves.",
                "Skipped 'bad\uFFFD.txt': its name is not valid UTF-8.",
                "Skipped '.GIT': git refuses to check out an entry with that name or mode.",
            ],
            snapshot.Notes);
    }

    [Fact]
    public async Task Make_OneFileOverTheCountCap_RejectsWithoutReadingOrWalkingFurther()
    {
        var pulled = 0;
        IEnumerable<SubmissionEntry> Endless()
        {
            while (true)
            {
                pulled++;
                yield return File($"f{pulled}.txt", "x");
            }
        }

        var plan = SubmissionPlan.Make(Endless(), new ResourceLimits { SubmissionFiles = 3 });
        var snapshot = await plan.StageAsync((_, _) => throw new InvalidOperationException("content read despite the rejection"), CancellationToken.None);

        Assert.Equal(4, pulled);
        Assert.Empty(plan.Files);
        Assert.StartsWith("The submission holds more than 3 files, the limit for this assignment.", snapshot.Rejection, StringComparison.Ordinal);
        Assert.Equal(0, snapshot.Files);
        Assert.Equal("submission", Assert.Single(snapshot.Tree.Entries).RelativePath);
    }

    [Fact]
    public async Task Rejected_SameRejectionAsAWalkPastTheCapAndNothingRead()
    {
        var limits = new ResourceLimits { SubmissionFiles = 1 };
        var walked = await SubmissionPlan.Make([File("a", "a"), File("b", "b")], limits).StageAsync(ReadLocator, CancellationToken.None);
        var caps = new SubmissionCaps(limits);
        var listed = caps.Add(File("a", "a")) ?? caps.Add(File("b", "b"));

        var early = await SubmissionPlan.Rejected(listed!).StageAsync((_, _) => throw new InvalidOperationException("content read despite the rejection"), CancellationToken.None);

        Assert.NotNull(early.Rejection);
        Assert.Equal(walked.Rejection, early.Rejection);
        Assert.Equal("submission", Assert.Single(early.Tree.Entries).RelativePath);
    }

    [Fact]
    public async Task Make_BytesOverTheCap_RejectionNamesTheFileThatPassedIt()
    {
        var plan = SubmissionPlan.Make([Sized("a.bin", 600), Sized("b/big.bin", 3 * 1024), Sized("c.bin", 1)], new ResourceLimits { SubmissionBytes = 2 * 1024 });

        var snapshot = await plan.StageAsync((_, _) => throw new InvalidOperationException("content read despite the rejection"), CancellationToken.None);

        Assert.Equal(
            "The submission's files add up to more than 2 KiB, the limit for this assignment ('b/big.bin' alone is 3 KiB). Remove large files and push again. (Instructors: raise it with `limits: { submission_size: N }` in assignment.yml.)",
            snapshot.Rejection);
        Assert.Equal(0, snapshot.Tree.ContentBytes);
    }

    [Fact]
    public async Task StageAsync_ZeroLengthFile_StagedEmptyWithoutBeingRead()
    {
        var plan = SubmissionPlan.Make([Sized("pipe", 0), File("main.py", "pass")], ResourceLimits.Default);
        var read = new List<string>();

        var snapshot = await plan.StageAsync(
            (file, token) =>
            {
                read.Add(file.Path);
                return ReadLocator(file, token);
            },
            CancellationToken.None);

        Assert.Equal(["main.py"], read);
        Assert.Equal(2, snapshot.Files);
        Assert.Equal(0, Assert.Single(snapshot.Tree.Entries, e => e.RelativePath == "submission/pipe").Content!.Value.Length);
    }

    [Fact]
    public async Task StageAsync_ReadFailsWithAnIoError_FileSkippedWithANote()
    {
        var plan = SubmissionPlan.Make([File("gone.txt", "x"), File("main.py", "pass")], ResourceLimits.Default);

        var snapshot = await plan.StageAsync(
            (file, token) => file.Path == "gone.txt" ? throw new FileNotFoundException("gone") : ReadLocator(file, token),
            CancellationToken.None);

        Assert.Equal(1, snapshot.Files);
        Assert.Equal(["Skipped 'gone.txt': it could not be read (FileNotFoundException)."], snapshot.Notes);
        Assert.DoesNotContain(snapshot.Tree.Entries, e => e.RelativePath == "submission/gone.txt");
    }

    [Fact]
    public async Task StageAsync_OtherReadFailure_Propagates()
    {
        var plan = SubmissionPlan.Make([File("main.py", "pass")], ResourceLimits.Default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => plan.StageAsync((_, _) => throw new InvalidOperationException("our side"), CancellationToken.None));
    }

    [Fact]
    public void ComparePaths_SortedNames_InTheOrderTheFolderWalkerMeetsThem()
    {
        using var folder = new GradingScratchFolder();
        foreach (var file in new[] { "a.txt", "a/b.txt", "a/b/c.txt", "a-b/x", "a0", "B", "b", "ab/é.txt", "ab/z.txt" })
        {
            folder.Write(file, "x");
        }

        var walked = FolderWalker.Walk(new DirectoryInfo(folder.Root)).Select(w => w.Path).ToList();
        var sorted = walked.OrderByDescending(p => p.Length).ToList();
        sorted.Sort(SubmissionEntry.ComparePaths);

        Assert.Equal(walked, sorted);
        Assert.Equal(["B", "a", "a/b", "a/b/c.txt", "a/b.txt", "a-b", "a-b/x", "a.txt", "a0", "ab", "ab/z.txt", "ab/é.txt", "b"], walked);
    }

    private static SubmissionEntry Dir(string path) => new(SubmissionEntryKind.Directory, path);

    private static SubmissionEntry File(string path, string content, bool executable = false) =>
        new(SubmissionEntryKind.File, path, Encoding.UTF8.GetByteCount(content), executable, content);

    private static SubmissionEntry Sized(string path, long size) => new(SubmissionEntryKind.File, path, size);
}
