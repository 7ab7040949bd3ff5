using GitGrader.Classroom.Import;

namespace GitGrader.AppTests.ClassroomImport;

public sealed class ClassroomExportReaderTests
{
    private static Task<ExportedClassroom> ReadAsync(string folder, string? classroom, List<string>? warnings = null) =>
        ClassroomExportReader.ReadAsync(folder, classroom, warnings ?? [], CancellationToken.None);

    [Fact]
    public async Task ReadAsync_TheFixtureExport_ReadsEveryAssignmentWithItsStarterRepositoryRepositoriesAndGrades()
    {
        using var export = new ExportFixture();

        var classroom = await ReadAsync(export.Export, "CS101 Fall 2026");

        Assert.Equal(7001, classroom.Classroom.Id);
        Assert.Equal("cs101-fall", classroom.Classroom.Organization?.Login);
        Assert.Equal(["python-wordcount", "linked-lists", "team-project", "lab-1-fixed"], classroom.Assignments.Select(a => a.Assignment.Slug));
        var wordcount = classroom.Assignments[0];
        Assert.Equal("2026-10-01T23:59:00Z", wordcount.Assignment.Deadline);
        Assert.Equal("cs101-fall/python-wordcount-starter", wordcount.Assignment.StarterCodeRepository?.FullName);
        Assert.Equal(["alice", "Bob"], wordcount.Accepted.Select(a => a.Students.Single().Login));
        Assert.Equal(4, wordcount.Grades.Count);
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 21, 15, 0, TimeSpan.Zero), wordcount.Grades[0].SubmittedAt);
        Assert.Null(classroom.Assignments[1].Assignment.StarterCodeRepository); // no assignment.json: the list entry, which has none
        Assert.Empty(classroom.Assignments[1].Grades);
        Assert.True(classroom.Assignments[2].IsGroup);
        Assert.Equal("the-owls", classroom.Assignments[2].Grades[0].GroupName);
    }

    [Theory]
    [InlineData("7002")]
    [InlineData("cs102 archive")]
    public async Task ReadAsync_ClassroomByIdOrNameIgnoringCase_ReadsThatOne(string wanted)
    {
        using var export = new ExportFixture();

        var classroom = await ReadAsync(export.Export, wanted);

        Assert.Equal(7002, classroom.Classroom.Id);
        Assert.Empty(classroom.Assignments);
    }

    [Fact]
    public async Task ReadAsync_SeveralClassroomsAndNoneChosen_ListsThemAndSaysHowToChoose()
    {
        using var export = new ExportFixture();

        var error = await Assert.ThrowsAsync<ClassroomExportException>(() => ReadAsync(export.Export, null));

        Assert.Contains("7001 'CS101 Fall 2026', 7002 'CS102 Archive'", error.Message, StringComparison.Ordinal);
        Assert.Contains("--classroom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OneClassroomFolder_IsReadWithoutChoosing()
    {
        using var export = new ExportFixture();

        var classroom = await ReadAsync(export.Classroom, null);

        Assert.Equal(7001, classroom.Classroom.Id);
        Assert.Equal(4, classroom.Assignments.Count);
    }

    [Fact]
    public async Task ReadAsync_MalformedJson_NamesTheFileLineAndColumn()
    {
        using var export = new ExportFixture();
        export.Write("assignment-504/accepted-assignments.json", "[\n  {\n    \"grade\": \"1/2\",\n    \"students\": [ { \"login\": \"alice\" ]\n  }\n]\n");

        var error = await Assert.ThrowsAsync<ClassroomExportException>(() => ReadAsync(export.Export, "7001"));

        Assert.StartsWith(export.InExport(Path.Combine("assignment-504", "accepted-assignments.json")) + ":4:", error.Message, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AFieldOfTheWrongType_NamesTheFileAndWhereInTheDocument()
    {
        using var export = new ExportFixture();
        export.Write("assignment-504/accepted-assignments.json", "[ { \"students\": \"alice\" } ]");

        var error = await Assert.ThrowsAsync<ClassroomExportException>(() => ReadAsync(export.Export, "7001"));

        Assert.Contains("accepted-assignments.json:1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("$[0].students", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NullsWhereGitHubWritesListsAndUnknownFields_ReadAsNothingAndAreIgnored()
    {
        using var export = new ExportFixture();
        export.Write("assignment-504/accepted-assignments.json", "[ null, { \"students\": null, \"repository\": null, \"a_new_field\": [1, {\"x\": true}] }, { \"students\": [ null, { \"id\": \"1001\", \"login\": \"alice\" } ] } ]");

        var classroom = await ReadAsync(export.Export, "7001");

        var accepted = classroom.Assignments.Single(a => a.Assignment.Id == 504).Accepted;
        Assert.Equal([0, 1], accepted.Select(a => a.Students.Count));
        Assert.Equal(1001, accepted[1].Students[0].Id);
    }

    [Fact]
    public async Task ReadAsync_MissingAcceptedAssignments_NamesTheFileAndSaysToExportAgain()
    {
        using var export = new ExportFixture();
        File.Delete(export.InExport(Path.Combine("assignment-502", "accepted-assignments.json")));

        var error = await Assert.ThrowsAsync<ClassroomExportException>(() => ReadAsync(export.Export, "7001"));

        Assert.Contains(Path.Combine("assignment-502", "accepted-assignments.json") + ": missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("export-classrooms.sh again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AnAssignmentFolderMissing_SaysTheExportStoppedBeforeIt()
    {
        using var export = new ExportFixture();
        Directory.Delete(export.InExport("assignment-504"), recursive: true);

        var error = await Assert.ThrowsAsync<ClassroomExportException>(() => ReadAsync(export.Export, "7001"));

        Assert.Contains("assignment-504: missing (assignment 504 'Lab 1 (fixed)'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TwoAssignmentsWithOneSlug_IsAnErrorNamingBoth()
    {
        using var export = new ExportFixture();
        var assignments = File.ReadAllText(export.InExport("assignments.json")).Replace("\"slug\": \"linked-lists\"", "\"slug\": \"python-wordcount\"", StringComparison.Ordinal);
        export.Write("assignments.json", assignments);

        var error = await Assert.ThrowsAsync<ClassroomExportException>(() => ReadAsync(export.Export, "7001"));

        Assert.Contains("assignments 501 and 502 share the slug 'python-wordcount'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ASlugThatIsAPath_IsRefused()
    {
        using var export = new ExportFixture();
        var detail = File.ReadAllText(export.InExport(Path.Combine("assignment-504", "assignment.json"))).Replace("\"slug\": \"lab-1-fixed\"", "\"slug\": \"../../etc\"", StringComparison.Ordinal);
        export.Write("assignment-504/assignment.json", detail);

        var error = await Assert.ThrowsAsync<ClassroomExportException>(() => ReadAsync(export.Export, "7001"));

        Assert.Contains("slug '../../etc' is not a repository-name prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NotAnExport_SaysWhatItLookedFor()
    {
        using var export = new ExportFixture();

        var error = await Assert.ThrowsAsync<ClassroomExportException>(() => ReadAsync(export.InExport("assignment-501"), null));

        Assert.Contains("not an export of classroom-export-utility", error.Message, StringComparison.Ordinal);
    }
}
