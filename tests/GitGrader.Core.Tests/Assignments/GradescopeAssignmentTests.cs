using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

public sealed class GradescopeAssignmentTests
{
    private const string RunAutograder = "#!/usr/bin/env bash\npython3 /autograder/source/run_tests.py\n";

    private static Task<Assignment> LoadAsync(TempAssignmentFolder folder) =>
        AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

    [Fact]
    public async Task LoadAsync_OnlyRunAutograder_LoadsAsGradescope()
    {
        using var folder = new TempAssignmentFolder("hw-strings");
        folder.Write("autograder/run_autograder", RunAutograder);

        var assignment = await LoadAsync(folder);

        Assert.Equal(AssignmentFormat.Gradescope, assignment.Format);
        Assert.Equal("hw-strings", assignment.Slug);
        Assert.Equal("hw-strings", assignment.Name);
        Assert.Equal(folder.Path, assignment.Directory);
        Assert.Equal(Path.Combine(folder.Path, "autograder"), assignment.AutograderDirectory);
        Assert.Null(assignment.Setup);
        Assert.Null(assignment.Deadline);
    }

    [Fact]
    public async Task LoadAsync_OnlyRunAutograder_SingleGradescopeTest()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write("autograder/run_autograder", RunAutograder);

        var assignment = await LoadAsync(folder);

        var test = Assert.Single(assignment.Tests);
        Assert.Equal(TestKind.Gradescope, test.Kind);
        Assert.Equal("/autograder/run_autograder", test.Run);
        Assert.Equal(Visibility.Visible, test.Visibility);
        Assert.Equal(0, assignment.MaxScore);
    }

    [Fact]
    public async Task LoadAsync_OnlyRunAutograder_ClassroomImageAndTheLimitsOfImportedFormats()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write("autograder/run_autograder", RunAutograder);

        var assignment = await LoadAsync(folder);

        Assert.Equal(AssignmentLoader.DefaultClassroomImage, assignment.Image);
        Assert.Equal("gitgrader/classroom:latest", assignment.Image);
        Assert.Same(ImportedLimits.Default, assignment.Limits);
        Assert.Equal(TimeSpan.FromMinutes(10), assignment.Limits.TestTimeout);
        Assert.Equal(2L * 1024 * 1024 * 1024, assignment.Limits.MemoryBytes);
        Assert.Equal(512L * 1024 * 1024, assignment.Limits.WorkspaceBytes);
    }

    [Fact]
    public async Task LoadAsync_FullAutograderFolder_LoadsAsGradescope()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write("autograder/setup.sh", "apt-get install -y python3\n");
        folder.Write("autograder/run_autograder", RunAutograder);
        folder.Write("autograder/tests/test_strings.py", "def test_x():\n    pass\n");

        var assignment = await LoadAsync(folder);

        Assert.Equal(AssignmentFormat.Gradescope, assignment.Format);
    }

    [Fact]
    public async Task LoadAsync_AssignmentYmlAndAutograder_PrefersYaml()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write("autograder/run_autograder", RunAutograder);
        folder.WriteYaml("""
            name: From YAML
            image: gitgrader/python:latest
            tests:
              - name: Yaml test
                run: "true"
            """);

        var assignment = await LoadAsync(folder);

        Assert.Equal(AssignmentFormat.GitGrader, assignment.Format);
        Assert.Equal("From YAML", assignment.Name);
        Assert.Equal("Yaml test", Assert.Single(assignment.Tests).Name);
    }

    [Fact]
    public async Task LoadAsync_AutogradingJsonAndAutograder_PrefersClassroom()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write("autograder/run_autograder", RunAutograder);
        folder.WriteJson("""{"tests":[{"name":"Json test","run":"true"}]}""");

        var assignment = await LoadAsync(folder);

        Assert.Equal(AssignmentFormat.Classroom, assignment.Format);
        Assert.Equal("Json test", Assert.Single(assignment.Tests).Name);
    }

    [Fact]
    public async Task LoadAsync_OnlySetupSh_NotAGradescopeAutograder()
    {
        using var folder = new TempAssignmentFolder();
        folder.Write("autograder/setup.sh", "true\n");

        var exception = await Assert.ThrowsAsync<AssignmentFormatException>(() => LoadAsync(folder));

        Assert.Contains("no assignment file found", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_RunAutograderIsAFolder_NotAGradescopeAutograder()
    {
        using var folder = new TempAssignmentFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "autograder", "run_autograder"));

        var exception = await Assert.ThrowsAsync<AssignmentFormatException>(() => LoadAsync(folder));

        Assert.Contains("no assignment file found", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_EmptyFolder_ErrorNamesAllFourLookedForFiles()
    {
        using var folder = new TempAssignmentFolder();

        var exception = await Assert.ThrowsAsync<AssignmentFormatException>(() => LoadAsync(folder));

        Assert.Equal(folder.Path, exception.FilePath);
        Assert.Null(exception.Line);
        Assert.Contains("assignment.yml", exception.Message, StringComparison.Ordinal);
        Assert.Contains("autograding.json", exception.Message, StringComparison.Ordinal);
        Assert.Contains(".github/classroom/autograding.json", exception.Message, StringComparison.Ordinal);
        Assert.Contains("autograder/run_autograder", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Gradescope", exception.Message, StringComparison.Ordinal);
    }
}
