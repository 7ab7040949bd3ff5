using GitGrader.AppTests.Support;

namespace GitGrader.AppTests.EndToEnd;

/// <summary><c>gitgrader regrade</c>: after the instructor fixes a test, the commit's check run is updated in place.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class RegradeTests
{
    private const string RightExpectation = "expected: \"lines: 2\\nwords: 5\\n\"";

    [Fact]
    public async Task An_instructor_fixes_a_hidden_test_and_regrades_the_check_run_is_updated_in_place_and_the_roster_follows()
    {
        await using var scenario = await AppScenario.StartAsync(startServer: false);
        var definition = Path.Combine(scenario.Course.AssignmentsFolder, CourseFolder.Slug, "assignment.yml");
        var right = File.ReadAllText(definition);
        Assert.Contains(RightExpectation, right, StringComparison.Ordinal);
        File.WriteAllText(definition, right.Replace(RightExpectation, "expected: \"lines: 2\\nwords: 6\\n\"", StringComparison.Ordinal));
        await scenario.StartServerAsync();
        using var dana = await scenario.StudentRepositoryAsync("dana");
        dana.ReplaceFilesWith(CourseFolder.Solution);
        var sha = await dana.CommitAllAsync("solution");
        await dana.PushAsync();
        var wrong = await scenario.CompletedCheckRunAsync(sha);
        Assert.Equal("9/10 points", wrong.Title);

        // Fixed and reloaded (serve reads the assignments at start), then regraded from the command line.
        File.WriteAllText(definition, right);
        await scenario.Server!.KillHardAsync();
        await scenario.StartServerAsync();
        var (exit, output) = await ServerProcess.RunToEndAsync(scenario.Course.Root, "regrade", CourseFolder.Slug, "--config", scenario.Course.ConfigFile);
        Assert.True(exit == 0, output);
        Assert.Contains($"{CourseFolder.Slug}: queued 1 regrade(s) for 1 student(s)", output, StringComparison.Ordinal);

        var regraded = await scenario.GitHub.WaitForCheckRunAsync(r => r.Id == wrong.Id && r.Status == "completed" && r.Title == "10/10 points", TimeSpan.FromSeconds(90));
        Assert.Equal("success", regraded.Conclusion);
        Assert.Single(scenario.CheckRunsOn(sha));
        var issue = await scenario.GitHub.WaitForIssueAsync(
            i => i.Repository.FullName == CourseFolder.InstructorRepository && i.Body is { } body && body.Contains("| `dana` |", StringComparison.Ordinal) && body.Contains("| 10/10 | 10/10 |", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60));
        Assert.Contains("| 1 |", issue.Body!.Split('\n').Single(l => l.StartsWith("| `dana` |", StringComparison.Ordinal)), StringComparison.Ordinal);
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task Regrade_of_an_unknown_assignment_says_which_exist_and_queues_nothing()
    {
        await using var scenario = await AppScenario.StartAsync(startServer: false);

        var (exit, output) = await ServerProcess.RunToEndAsync(scenario.Course.Root, "regrade", "no-such-thing", "--config", scenario.Course.ConfigFile);

        Assert.Equal(2, exit);
        Assert.Contains($"there is no assignment 'no-such-thing' in the assignments folder; known: {CourseFolder.Slug}", output, StringComparison.Ordinal);
    }
}
