using GitGrader.Core.Assignments;

namespace GitGrader.Core.Tests.Assignments;

/// <summary>An <c>assignment.yml</c> without <c>tests</c> over GitHub Classroom's files copied beside it (an imported course).</summary>
public sealed class AssignmentLoaderTestsBesideTests
{
    private const string Autograding = """
        { "tests": [ { "name": "Sum", "run": "python3 sum.py", "input": "1 2", "output": "3", "comparison": "exact", "timeout": 5, "points": 4 } ] }
        """;

    private const string CourseYaml = """
        name: Intro to Binaries
        image: gitgrader/classroom:latest
        deadline: 2026-10-01T23:59:00Z
        """;

    [Fact]
    public async Task LoadAsync_YamlWithoutTestsAndAutogradingJsonBeside_TakesNameAndDeadlineFromYamlAndTestsFromClassroom()
    {
        using var folder = new TempAssignmentFolder("intro-to-binaries");
        folder.WriteYaml(CourseYaml);
        folder.Write(".github/classroom/autograding.json", Autograding);

        var assignment = await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Equal("Intro to Binaries", assignment.Name);
        Assert.Equal("intro-to-binaries", assignment.Slug);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 23, 59, 0, TimeSpan.Zero), assignment.Deadline);
        Assert.Equal(AssignmentFormat.Classroom, assignment.Format);
        Assert.Equal(ImportedLimits.Default, assignment.Limits);
        Assert.Equal("Sum", Assert.Single(assignment.Tests).Name);
        Assert.Equal(4, assignment.MaxScore);
    }

    [Fact]
    public async Task LoadAsync_YamlWithItsOwnTests_IgnoresTheClassroomFileBeside()
    {
        using var folder = new TempAssignmentFolder("lab");
        folder.WriteYaml(CourseYaml + "\ntests:\n  - name: Own\n    run: 'true'\n    points: 1\n");
        folder.WriteJson("{ this is not json");

        var assignment = await AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Equal(AssignmentFormat.GitGrader, assignment.Format);
        Assert.Equal("Own", Assert.Single(assignment.Tests).Name);
    }

    [Fact]
    public async Task LoadAsync_YamlWithoutTestsAndNothingBeside_SaysToListTestsOrCopyClassroomsFiles()
    {
        using var folder = new TempAssignmentFolder("lab");
        var path = folder.WriteYaml(CourseYaml);

        var error = await Assert.ThrowsAsync<AssignmentFormatException>(() => AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("tests", error.Key);
        Assert.Contains(".github/classroom/autograding.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_YamlWithoutTestsAndABrokenClassroomFileBeside_NamesTheClassroomFile()
    {
        using var folder = new TempAssignmentFolder("lab");
        folder.WriteYaml(CourseYaml);
        var json = folder.WriteJson("{ \"tests\": [ ");

        var error = await Assert.ThrowsAsync<AssignmentFormatException>(() => AssignmentLoader.LoadAsync(folder.Path, CancellationToken.None));

        Assert.Contains(json, error.Message, StringComparison.Ordinal);
    }
}
