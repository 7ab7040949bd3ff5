using GitGrader.AppTests.Support;
using GitGrader.AppTests.Units;
using GitGrader.Classroom;
using GitGrader.Cli;
using GitGrader.Core.Assignments;
using GitGrader.GitHub;
using GitGrader.Reporting;
using GitGrader.Storage;

namespace GitGrader.AppTests.ClassroomImport;

/// <summary><c>gitgrader import-classroom</c> on the fixture export, and the course GitGrader then loads from what it wrote.</summary>
public sealed class ImportClassroomCommandTests
{
    private const string Autograding = """
        { "tests": [ { "name": "Counts words", "run": "python3 wordcount.py", "input": "a b", "output": "2", "comparison": "exact", "timeout": 5, "points": 10 } ] }
        """;

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(ExportFixture export, bool dryRun = false, bool force = false)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await new ClassroomImportRun(export.Export, export.Output, "CS101 Fall 2026", dryRun, force).RunAsync(stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);

    [Fact]
    public async Task Import_TheFixture_WritesTheFilesAndSummarisesAssignmentsStudentsAdoptedRepositoriesAndWarnings()
    {
        using var export = new ExportFixture();

        var (exit, stdout, stderr) = await RunAsync(export);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("Assignments: 3. Students on the roster: 6. Repositories adopted: 5 (graded from their next push).", stdout, StringComparison.Ordinal);
        Assert.Contains("Files: 7 new, 0 unchanged, 0 would change.", stdout, StringComparison.Ordinal);
        Assert.Contains("cs101-fall/my-linked-list (linked-lists): not named", stdout, StringComparison.Ordinal);
        Assert.Contains("is a group assignment", stdout, StringComparison.Ordinal);
        Assert.Contains($"Classroom:AssignmentsFolder = {export.Output}", stdout, StringComparison.Ordinal);
        Assert.Contains("Nothing was read from or changed on GitHub.", stdout, StringComparison.Ordinal);
        Assert.Equal(7, Snapshot(export.Output).Count);
        Assert.StartsWith("identifier,github_username,github_id,name\n", export.Read("roster.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Twice_WritesTheSameFilesAndChangesNothing()
    {
        using var export = new ExportFixture();
        await RunAsync(export);
        var first = Snapshot(export.Output);

        var (exit, stdout, _) = await RunAsync(export);

        Assert.Equal(0, exit);
        Assert.Contains("Files: 0 new, 7 unchanged, 0 would change.", stdout, StringComparison.Ordinal);
        Assert.Equal(first, Snapshot(export.Output));
    }

    [Fact]
    public async Task Import_OverAFileTheInstructorEdited_WritesNothingWithoutForceAndSaysWhichWouldChange()
    {
        using var export = new ExportFixture();
        await RunAsync(export);
        var yaml = Path.Combine(export.Output, "lab-1", "assignment.yml");
        File.WriteAllText(yaml, "name: mine\n");
        File.Delete(Path.Combine(export.Output, "roster.csv"));

        var (exit, _, stderr) = await RunAsync(export);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("1 existing file(s) would change; nothing was written. Rerun with --force", stderr, StringComparison.Ordinal);
        Assert.Contains(yaml, stderr, StringComparison.Ordinal);
        Assert.Equal("name: mine\n", File.ReadAllText(yaml));
        Assert.False(File.Exists(Path.Combine(export.Output, "roster.csv")), "a new file must not be written either");

        var (forced, _, _) = await RunAsync(export, force: true);

        Assert.Equal(0, forced);
        Assert.Contains("name: \"Lab 1 (fixed)\"", File.ReadAllText(yaml), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(export.Output, "roster.csv")));
    }

    [Fact]
    public async Task Import_DryRun_SaysWhatItWouldWriteAndWritesNothing()
    {
        using var export = new ExportFixture();

        var (exit, stdout, _) = await RunAsync(export, dryRun: true);

        Assert.Equal(0, exit);
        Assert.Contains("new: python-wordcount/assignment.yml", stdout, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was written.", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(export.Output));
    }

    [Fact]
    public async Task Import_WithATimeZone_WritesTheDeadlineInItAndTheSameInstantLoads()
    {
        using var export = new ExportFixture();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await new ClassroomImportRun(export.Export, export.Output, "7001", DryRun: false, Force: false, TimeZone: "Europe/Paris").RunAsync(stdout, stderr, CancellationToken.None);

        Assert.True(exit == 0, $"{stdout}{stderr}");
        var yaml = export.Read(Path.Combine("python-wordcount", "assignment.yml"));
        Assert.Contains("\ntimezone: Europe/Paris\ndeadline: 2026-10-02T01:59:00+02:00 ", yaml, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(export.Output, "python-wordcount", ".github", "classroom"));
        File.WriteAllText(Path.Combine(export.Output, "python-wordcount", ".github", "classroom", "autograding.json"), Autograding);
        var assignment = await AssignmentLoader.LoadAsync(Path.Combine(export.Output, "python-wordcount"), CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 23, 59, 0, TimeSpan.Zero), assignment.Deadline);
        Assert.Equal("Europe/Paris", assignment.TimeZone?.Id);
    }

    [Fact]
    public async Task Import_AnUnknownTimeZone_IsBadInputAndWritesNothing()
    {
        using var export = new ExportFixture();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await new ClassroomImportRun(export.Export, export.Output, "7001", DryRun: false, Force: false, TimeZone: "Mars/Olympus").RunAsync(stdout, stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--time-zone: unknown time zone 'Mars/Olympus'", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(export.Output));
    }

    [Fact]
    public async Task Import_ABadGradesRow_NamesFileAndLineAndWritesNothing()
    {
        using var export = new ExportFixture();
        var grades = export.InExport(Path.Combine("assignment-504", "grades.csv"));
        File.AppendAllText(grades, "\"Lab 1 (fixed)\",u,s,dave,d@x,lab-1-dave,ru,2026-09-15 15:00,lots,2\n");

        var (exit, _, stderr) = await RunAsync(export);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"{grades}:4: points_awarded 'lots' is not a number of points.", stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(export.Output));
    }

    [Fact]
    public async Task Import_ThenTestsCopiedIn_LoadsAsACourseThatMapsEveryAdoptedRepositoryAndShowsTheImportedPoints()
    {
        using var export = new ExportFixture();
        var (exit, stdout, stderr) = await RunAsync(export);
        Assert.True(exit == 0, stdout + stderr);

        // Before the tests are copied in, the course says what is missing, naming the file and key.
        var options = new ClassroomOptions
        {
            Organization = "cs101-fall",
            InstructorRepository = "cs101-fall/instructors",
            AssignmentsFolder = export.Output,
            RosterCsv = Path.Combine(export.Output, "roster.csv"),
        };
        var gitHub = new GitHubAppOptions { ApiBaseUrl = new Uri("https://api.github.com/") };
        var missing = await Assert.ThrowsAsync<ConfigurationException>(() => Course.LoadAsync(options, gitHub, CancellationToken.None));
        Assert.Contains(Path.Combine(export.Output, "lab-1", "assignment.yml"), missing.Message, StringComparison.Ordinal);
        Assert.Contains(".github/classroom/autograding.json", missing.Message, StringComparison.Ordinal);

        foreach (var folder in new[] { "python-wordcount", "linked-lists", "lab-1" })
        {
            Directory.CreateDirectory(Path.Combine(export.Output, folder, ".github", "classroom"));
            File.WriteAllText(Path.Combine(export.Output, folder, ".github", "classroom", "autograding.json"), Autograding);
        }

        var course = await Course.LoadAsync(options, gitHub, CancellationToken.None);

        var wordcount = course.Catalog.Find("python-wordcount")!;
        Assert.Equal("Python word count", wordcount.Name);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 23, 59, 0, TimeSpan.Zero), wordcount.Deadline);
        Assert.Equal("cs101-fall/python-wordcount-starter", wordcount.Template?.FullName);
        Assert.Equal(SubmissionCounting.Latest, wordcount.Counts);
        Assert.Equal(AssignmentFormat.Classroom, wordcount.Format);
        Assert.Equal("Counts words", Assert.Single(wordcount.Tests).Name);
        foreach (var (repository, slug, student) in new[]
        {
            ("python-wordcount-alice", "python-wordcount", "alice"), ("python-wordcount-Bob", "python-wordcount", "Bob"),
            ("linked-lists-alice", "linked-lists", "alice"), ("lab-1-alice", "lab-1", "alice"), ("lab-1-carol", "lab-1", "carol"),
        })
        {
            var mapped = course.Catalog.Map("cs101-fall", repository);
            Assert.Equal((slug, student), (mapped?.Assignment.Slug, mapped?.Student));
        }

        Assert.Null(course.Catalog.Map("cs101-fall", "my-linked-list"));
        Assert.Equal("Bob", course.Roster.Find("bob")?.GitHubUsername);

        var score = new StudentScore
        {
            Student = "alice",
            Repository = "cs101-fall/python-wordcount-alice",
            BestScore = 10,
            LatestScore = 10,
            MaxScore = 10,
            LatestSha = "0123456789abcdef0123456789abcdef01234567",
            LatestReceivedAt = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero),
            Attempts = 1,
        };
        var body = new RosterTableRenderer().Render(wordcount, course.Roster, [score], course.GitBaseUrl, score.LatestReceivedAt, course.Deadlines, course.ClassroomPoints.For(wordcount));

        const string Column = "Classroom points (imported)";
        Assert.Equal(("10/10", "8/10"), (MarkdownTable.Row(body, "alice")["Best"], MarkdownTable.Row(body, "alice")[Column]));
        Assert.Equal("10/10", MarkdownTable.Row(body, "Bob")[Column]);
        Assert.Equal(("—", "4/10"), (MarkdownTable.Row(body, "dave")["Best"], MarkdownTable.Row(body, "dave")[Column]));
        Assert.Equal("—", MarkdownTable.Row(body, "carol")[Column]);
        Assert.Contains("GitGrader did not grade them", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommand_RunAsAProcess_ImportsAndItsHelpSaysItUsesNoNetwork()
    {
        using var export = new ExportFixture();

        var (exit, output) = await ServerProcess.RunToEndAsync(export.Root, "import-classroom", export.Export, "--output", export.Output, "--classroom", "7001");
        var (helpExit, help) = await ServerProcess.RunToEndAsync(export.Root, "import-classroom", "--help");

        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(export.Output, "python-wordcount", "assignment.yml")));
        Assert.Equal(0, helpExit);
        Assert.Contains("no network", help, StringComparison.Ordinal);
        Assert.Contains("--force", help, StringComparison.Ordinal);
    }
}
