using GitGrader.Classroom;
using GitGrader.Classroom.Import;

namespace GitGrader.AppTests.ClassroomImport;

public sealed class ClassroomImportPlannerTests
{
    private static async Task<ImportPlan> PlanAsync(ExportFixture export)
    {
        var warnings = new List<string>();
        var classroom = await ClassroomExportReader.ReadAsync(export.Export, "7001", warnings, CancellationToken.None);
        return ClassroomImportPlanner.Plan(classroom, warnings);
    }

    private static string File(ImportPlan plan, string path) => plan.Files.Single(f => f.RelativePath == path).Content;

    [Fact]
    public async Task Plan_TheFixture_MakesAFolderPerIndividualAssignmentNamedAsItsRepositoriesAreAndTheRoster()
    {
        using var export = new ExportFixture();

        var plan = await PlanAsync(export);

        Assert.Equal("cs101-fall", plan.Organization);
        Assert.Equal(["python-wordcount", "linked-lists", "lab-1"], plan.Assignments.Select(a => a.Folder));
        Assert.Equal(
            ["lab-1/assignment.yml", "lab-1/classroom-points.csv", "linked-lists/assignment.yml", "linked-lists/classroom-points.csv", "python-wordcount/assignment.yml", "python-wordcount/classroom-points.csv", "roster.csv"],
            plan.Files.Select(f => f.RelativePath));
        Assert.Equal(["cs101-fall/python-wordcount-alice", "cs101-fall/python-wordcount-Bob"], plan.Assignments[0].Adopted);
        Assert.Contains(plan.Warnings, w => w.Contains("Classroom's slug is 'lab-1-fixed' but its repositories are named 'lab-1-<login>'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_GroupAssignmentsAndRenamedRepositories_AreListedAsNotGraded()
    {
        using var export = new ExportFixture();

        var plan = await PlanAsync(export);

        Assert.DoesNotContain(plan.Files, f => f.RelativePath.StartsWith("team-project", StringComparison.Ordinal));
        Assert.Contains(plan.Warnings, w => w.Contains("'Team project' (team-project) is a group assignment", StringComparison.Ordinal));
        Assert.Contains("cs101-fall/team-project-the-owls: a team repository of group assignment 'team-project'", plan.Skipped);
        Assert.Contains(plan.Skipped, s => s.StartsWith("cs101-fall/my-linked-list (linked-lists): not named 'linked-lists-carol'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_AStudentWithGradesButNoAcceptedAssignment_IsWarnedAboutAndKeepsTheirPoints()
    {
        using var export = new ExportFixture();

        var plan = await PlanAsync(export);

        Assert.Contains(plan.Warnings, w => w.EndsWith("grades.csv:4: 'dave' has no accepted assignment in accepted-assignments.json (the export may be short); their Classroom points are kept, their repository is not checked.", StringComparison.Ordinal));
        var points = ClassroomPointsCsv.Parse(File(plan, "python-wordcount/classroom-points.csv"), "p");
        Assert.Equal(new ClassroomPoints("dave", 4, 10, new DateTimeOffset(2026, 10, 2, 8, 0, 0, TimeSpan.Zero), "cs101-fall/python-wordcount-dave"), points.Single(p => p.Login == "dave"));
    }

    [Fact]
    public async Task Plan_AnAssignmentWithoutGradesCsv_KeepsTheGradeOfEachAcceptedAssignment()
    {
        using var export = new ExportFixture();

        var plan = await PlanAsync(export);

        var points = ClassroomPointsCsv.Parse(File(plan, "linked-lists/classroom-points.csv"), "p");
        Assert.Equal([("alice", 3.0, 5.0), ("carol", 5.0, 5.0)], points.Select(p => (p.Login, p.Points!.Value, p.Available!.Value)));
    }

    [Fact]
    public async Task Plan_TheRoster_MergesEveryAssignmentsStudentsWithTheirIdentifiersAndIds()
    {
        using var export = new ExportFixture();

        var plan = await PlanAsync(export);

        var roster = RosterCsvReader.Parse(File(plan, "roster.csv"), "roster.csv");
        Assert.Equal(
            [("alice@uni.example", "alice", "1001"), ("bob@uni.example", "Bob", "1002"), ("carol@uni.example", "carol", "1003"), ("dave@uni.example", "dave", null), ("erin@uni.example", string.Empty, null), ("frank@uni.example", "frank", "1006")],
            roster.Entries.Select(e => (e.Identifier, e.GitHubUsername, e.GitHubId)));
        Assert.Equal(6, plan.RosterStudents);
    }

    [Fact]
    public async Task Plan_TheAssignmentYaml_HasNameDeadlineInUtcTemplateCountsAndTheTestsTodo()
    {
        using var export = new ExportFixture();

        var plan = await PlanAsync(export);

        var yaml = File(plan, "python-wordcount/assignment.yml");
        Assert.Contains("\nname: \"Python word count\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\ndeadline: 2026-10-01T23:59:00Z ", yaml, StringComparison.Ordinal);
        Assert.Contains("\ntemplate: cs101-fall/python-wordcount-starter ", yaml, StringComparison.Ordinal);
        Assert.Contains("\ncounts: latest ", yaml, StringComparison.Ordinal);
        Assert.Contains("# TODO tests.", yaml, StringComparison.Ordinal);
        Assert.Contains(".github/classroom/autograding.json and .github/workflows/classroom.yml", yaml, StringComparison.Ordinal);
        Assert.Contains("git clone --depth 1 https://github.com/cs101-fall/python-wordcount-starter", yaml, StringComparison.Ordinal);
        var linked = File(plan, "linked-lists/assignment.yml");
        Assert.Contains("# deadline: none in Classroom", linked, StringComparison.Ordinal);
        Assert.Contains("# template: none in Classroom's export", linked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_ATitleWithQuotesAndLineBreaks_StaysOneYamlScalarAndOneCommentLine()
    {
        using var export = new ExportFixture();
        var detail = System.IO.File.ReadAllText(export.InExport(Path.Combine("assignment-504", "assignment.json")))
            .Replace("\"title\": \"Lab 1 (fixed)\"", "\"title\": \"Lab \\\"1\\\"\\ntests: []\"", StringComparison.Ordinal);
        export.Write("assignment-504/assignment.json", detail);
        export.Write("classroom.json", System.IO.File.ReadAllText(export.InExport("classroom.json"))
            .Replace("\"name\": \"CS101 Fall 2026\"", "\"name\": \"CS101\\nimage: evil\"", StringComparison.Ordinal));

        var plan = await PlanAsync(export);

        var yaml = File(plan, "lab-1/assignment.yml");
        Assert.Contains("\nname: \"Lab \\\"1\\\"\\u000atests: []\"\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("\ntests:", yaml, StringComparison.Ordinal);
        Assert.Single(yaml.Split('\n'), l => l.StartsWith("image:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_TheSameExportTwice_GivesTheSameFiles()
    {
        using var export = new ExportFixture();

        var first = await PlanAsync(export);
        var second = await PlanAsync(export);

        Assert.Equal(first.Files, second.Files);
    }

    [Fact]
    public async Task Plan_TwoAssignmentsWhoseRepositoriesShareAPrefix_IsAnError()
    {
        using var export = new ExportFixture();
        var accepted = System.IO.File.ReadAllText(export.InExport(Path.Combine("assignment-504", "accepted-assignments.json")))
            .Replace("cs101-fall/lab-1-", "cs101-fall/linked-lists-", StringComparison.Ordinal);
        export.Write("assignment-504/accepted-assignments.json", accepted);

        var error = await Assert.ThrowsAsync<ClassroomExportException>(() => PlanAsync(export));

        Assert.Contains("would both be the folder 'linked-lists'", error.Message, StringComparison.Ordinal);
    }
}
