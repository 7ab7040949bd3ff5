using GitGrader.AppTests.ClassroomImport;
using GitGrader.AppTests.Support;
using GitGrader.AppTests.Units;
using GitGrader.Cli;

namespace GitGrader.AppTests.EndToEnd;

/// <summary>
/// A course moved off GitHub Classroom: the fixture export imported with <c>import-classroom</c>, Classroom's tests
/// copied in, <c>gitgrader serve</c> on the result; a push to an existing (adopted) student repository is graded under
/// the imported assignment, and the summary issue shows Classroom's points beside GitGrader's.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ImportedCourseTests
{
    private const string Autograding = """
        {
          "tests": [
            { "name": "Counts words", "setup": "", "run": "python3 wordcount.py", "input": "the quick brown fox\njumps over\nthe lazy dog\n",
              "output": "words: 9", "comparison": "included", "timeout": 1, "points": 10 }
          ]
        }
        """;

    [Fact]
    public async Task A_push_to_an_adopted_repository_is_graded_under_the_imported_assignment_with_Classroom_points_beside()
    {
        string? imported = null;
        await using var scenario = await AppScenario.StartAsync(
            config =>
            {
                var classroom = config["Classroom"]!.AsObject();
                var root = Path.GetDirectoryName((string)classroom["AssignmentsFolder"]!)!;
                imported = Path.Combine(root, "imported");
                classroom["AssignmentsFolder"] = imported;
                classroom["RosterCsv"] = Path.Combine(imported, "roster.csv");
            },
            startServer: false);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await new ClassroomImportRun(ExportFixture.Source, imported!, "7001", DryRun: false, Force: false).RunAsync(stdout, stderr, CancellationToken.None);
        Assert.True(exit == 0, $"{stdout}{stderr}");
        foreach (var folder in Directory.EnumerateDirectories(imported!))
        {
            Directory.CreateDirectory(Path.Combine(folder, ".github", "classroom"));
            await File.WriteAllTextAsync(Path.Combine(folder, ".github", "classroom", "autograding.json"), Autograding);
        }

        await scenario.StartServerAsync();
        using var alice = await scenario.StudentRepositoryAsync("alice"); // cs101-fall/python-wordcount-alice, as Classroom made it
        alice.ReplaceFilesWith(CourseFolder.Solution);
        var sha = await alice.CommitAllAsync("after the move");
        await alice.PushAsync();

        var run = await scenario.CompletedCheckRunAsync(sha);

        Assert.Equal("Python word count", run.Name);
        Assert.Equal("10/10 points", run.Title);
        var issue = await scenario.GitHub.WaitForIssueAsync(
            i => i.Repository.FullName == CourseFolder.InstructorRepository && i.Body is { } body && body.Contains("Classroom points (imported)", StringComparison.Ordinal) && body.Split('\n').Any(l => l.StartsWith("| `alice` |", StringComparison.Ordinal) && l.Contains($"`{sha[..7]}`", StringComparison.Ordinal) && l.Contains("| 10/10 | 10/10 |", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60));
        Assert.StartsWith("GitGrader: Python word count (python-wordcount)", issue.Title, StringComparison.Ordinal);
        var aliceRow = MarkdownTable.Row(issue.Body!, "alice");
        Assert.Equal(("10/10", "8/10"), (aliceRow["Latest"], aliceRow["Classroom points (imported)"]));
        Assert.Equal(("—", "10/10"), (MarkdownTable.Row(issue.Body!, "Bob")["Latest"], MarkdownTable.Row(issue.Body!, "Bob")["Classroom points (imported)"]));
        scenario.GitHub.AssertNoViolations();
    }
}
