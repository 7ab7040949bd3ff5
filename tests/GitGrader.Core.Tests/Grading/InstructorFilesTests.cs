using GitGrader.Core.Grading;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Tests.Grading;

public sealed class InstructorFilesTests
{
    private static StagedTree Hidden() => new StagedTree()
        .AddDirectory("hidden", StagedOwner.Grader)
        .AddDirectory("hidden/tests", StagedOwner.Grader)
        .AddFile("hidden/tests/check.py", StagedOwner.Grader, "C"u8.ToArray(), executable: true)
        .AddFile("hidden/data.txt", StagedOwner.Grader, "D"u8.ToArray())
        .AddDirectory("submission/tests", StagedOwner.Student)
        .AddFile("submission/tests/check.py", StagedOwner.Grader, "C"u8.ToArray());

    [Fact]
    public void Store_OnlyTheHiddenHalf_RelativeToIt_RootOwned()
    {
        var store = InstructorFiles.Store(Hidden());

        Assert.Equal(["tests", "tests/check.py", "data.txt"], store.Entries.Select(e => e.RelativePath));
        Assert.All(store.Entries, e => Assert.Equal(StagedOwner.Grader, e.Owner));
        Assert.True(store.Entries[1].Executable);
        Assert.Equal(2, store.ContentBytes);
    }

    [Fact]
    public void Paths_FoldersEndInASlash_ParentsFirst()
    {
        Assert.Equal(["tests/", "tests/check.py", "data.txt"], InstructorFiles.Paths(Hidden()));
    }

    [Fact]
    public void Paths_OfASelection_OnlyTheListedFiles()
    {
        Assert.Equal(["data.txt"], InstructorFiles.Paths(HiddenFilesReader.Select(Hidden(), ["data.txt"])));
    }
}
