using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

public sealed class AssignmentLoaderLocationTests
{
    private const string Yaml = """
        name: From YAML
        image: img
        tests:
          - name: Yaml test
            run: "true"
        """;

    private const string Json = """{"tests":[{"name":"Json test","run":"true"}]}""";

    [Fact]
    public async Task LoadAsync_YamlAndJsonPresent_PrefersYaml()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteYaml(Yaml);
        folder.WriteJson(Json);
        folder.Write(".github/classroom/autograding.json", Json);

        var assignment = await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Equal(AssignmentFormat.GitGrader, assignment.Format);
        Assert.Equal("Yaml test", Assert.Single(assignment.Tests).Name);
    }

    [Fact]
    public async Task LoadAsync_OnlyGithubClassroomJson_LoadsIt()
    {
        using var folder = new TempAssignmentFolder("lab-2");
        folder.Write(".github/classroom/autograding.json", Json);

        var assignment = await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Equal(AssignmentFormat.Classroom, assignment.Format);
        Assert.Equal("lab-2", assignment.Slug);
        Assert.Equal(folder.Path, assignment.Directory);
        Assert.Equal("Json test", Assert.Single(assignment.Tests).Name);
    }

    [Fact]
    public async Task LoadAsync_BothJsonLocations_PrefersTopLevel()
    {
        using var folder = new TempAssignmentFolder();
        folder.WriteJson(Json);
        folder.Write(".github/classroom/autograding.json", """{"tests":[{"name":"Nested","run":"true"}]}""");

        var assignment = await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Equal("Json test", Assert.Single(assignment.Tests).Name);
    }

    [Fact]
    public async Task LoadAsync_ErrorInGithubClassroomJson_NamesThatFile()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write(".github/classroom/autograding.json", "{\"tests\": 3}");

        var exception = await Assert.ThrowsAsync<AssignmentFormatException>(
            () => AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None));

        Assert.Equal(Path.Combine(folder.Path, ".github", "classroom", "autograding.json"), exception.FilePath);
        Assert.Equal("tests", exception.Key);
    }

    [Fact]
    public async Task LoadAsync_NoAssignmentFile_ListsFilesLookedFor()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write("README.md", "# nothing here\n");

        var exception = await Assert.ThrowsAsync<AssignmentFormatException>(
            () => AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None));

        Assert.Equal(folder.Path, exception.FilePath);
        Assert.Contains("assignment.yml", exception.Message, StringComparison.Ordinal);
        Assert.Contains("autograding.json", exception.Message, StringComparison.Ordinal);
        Assert.Contains(".github/classroom/autograding.json", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MissingFolder_ReportsFolder()
    {
        using var folder = new TempAssignmentFolder();
        var missing = Path.Combine(folder.Path, "nope");

        var exception = await Assert.ThrowsAsync<AssignmentFormatException>(
            () => AssignmentLoader.LoadAsync(missing, CancellationToken.None));

        Assert.Equal(missing, exception.FilePath);
        Assert.Contains("does not exist", exception.Message, StringComparison.Ordinal);
    }
}
