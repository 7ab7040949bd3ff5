using GitGrader.AppTests.Support;

namespace GitGrader.AppTests.EndToEnd;

/// <summary>
/// The whole path of a submission through a real <c>gitgrader serve</c> process: a student pushes
/// over git HTTP to the GitHub stand-in, which sends the signed webhook; GitGrader fetches the
/// commit, grades it in Docker and reports. Every request GitGrader makes is checked against
/// GitHub's OpenAPI description.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PushToReportTests
{
    [Fact]
    public async Task Wrong_then_right_solution_gives_check_runs_one_edited_comment_and_the_roster_issue()
    {
        await using var scenario = await AppScenario.StartAsync();
        using var alice = await scenario.StudentRepositoryAsync("alice");

        // The starter, as GitHub Classroom creates the repository, on main and on the feedback branch.
        alice.ReplaceFilesWith(CourseFolder.Starter);
        var starter = await alice.CommitAllAsync("starter");
        await alice.PushAsync();
        await alice.PushAsync("HEAD:refs/heads/feedback");
        var first = await scenario.CompletedCheckRunAsync(starter);

        Assert.Equal("Word count", first.Name);
        Assert.Equal(["queued", "in_progress", "completed"], first.StatusHistory.Distinct());
        Assert.Equal("failure", first.Conclusion);
        Assert.Matches(@"^\d+(\.\d+)?/10 points$", first.Title);
        Assert.NotEqual("10/10 points", first.Title);
        Assert.Contains("Counts a short text", first.Summary, StringComparison.Ordinal);

        // Classroom's Feedback pull request: main into feedback.
        var pull = await scenario.GitHub.OpenPullRequestAsync(AppScenario.Repository("alice"), "main", "feedback");
        var comment = await scenario.GitHub.WaitForCommentAsync(c => c.IssueNumber == pull && c.Body.Contains(first.Title!, StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        alice.ReplaceFilesWith(CourseFolder.Solution);
        var solution = await alice.CommitAllAsync("solution");
        await alice.PushAsync();
        var second = await scenario.CompletedCheckRunAsync(solution);

        Assert.Equal("10/10 points", second.Title);
        Assert.Equal("success", second.Conclusion);
        var edited = await scenario.GitHub.WaitForCommentAsync(c => c.Id == comment.Id && c.Body.Contains("10/10", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var comments = scenario.GitHub.Comments.Where(c => c.IssueNumber == pull && c.Repository == AppScenario.Repository("alice")).ToList();
        Assert.Single(comments);
        Assert.True(edited.EditCount >= 1, $"the comment was never edited: {edited}");
        Assert.Equal("gitgrader-test[bot]", edited.AuthorLogin);
        Assert.StartsWith("<!-- gitgrader:", edited.Body, StringComparison.Ordinal);

        // The instructor's issue: alice's best and latest, bob on the roster with nothing yet.
        var issue = await scenario.GitHub.WaitForIssueAsync(
            i => i.Repository.FullName == CourseFolder.InstructorRepository && i.Body is { } body && body.Contains("| `alice` |", StringComparison.Ordinal) && body.Contains("10/10", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60));
        var aliceRow = issue.Body!.Split('\n').Single(l => l.StartsWith("| `alice` |", StringComparison.Ordinal));
        Assert.Contains("Alice Liddell", aliceRow, StringComparison.Ordinal);
        Assert.Contains("| 10/10 | 10/10 |", aliceRow, StringComparison.Ordinal);
        Assert.Contains($"`{solution[..7]}`", aliceRow, StringComparison.Ordinal);
        Assert.EndsWith("| 2 |", aliceRow, StringComparison.Ordinal);
        var bobRow = issue.Body.Split('\n').Single(l => l.StartsWith("| `bob` |", StringComparison.Ordinal));
        Assert.Contains("Bob Builder", bobRow, StringComparison.Ordinal);
        Assert.EndsWith("| 0 |", bobRow, StringComparison.Ordinal);
        Assert.Single(scenario.GitHub.Issues, i => i.Repository.FullName == CourseFolder.InstructorRepository);

        // The grade book from the same database, as course staff export it.
        var (exit, output) = await ServerProcess.RunToEndAsync(scenario.Course.Root, "export", "--config", scenario.Course.ConfigFile);
        Assert.True(exit == 0, output);
        var rows = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(rows, r => r.StartsWith($"python-wordcount,alice@uni.example,alice,Alice Liddell,cs101-fall/python-wordcount-alice,10,10,10,{solution},", StringComparison.Ordinal) && r.EndsWith($",false,2,10,10,0,0,{solution},,false", StringComparison.Ordinal));
        Assert.Contains("python-wordcount,bob@uni.example,bob,Bob Builder,,,,10,,,false,0,,,,,,,false", rows);

        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task A_syntax_error_is_annotated_on_the_students_line_and_every_test_says_compile_error()
    {
        await using var scenario = await AppScenario.StartAsync();
        using var frank = await scenario.StudentRepositoryAsync("frank");
        frank.ReplaceFilesWith(CourseFolder.Solution);
        frank.WriteFile("wordcount.py", "import sys\n\ndef main(:\n    pass\n");
        var sha = await frank.CommitAllAsync("broken");
        await frank.PushAsync();

        var run = await scenario.CompletedCheckRunAsync(sha);

        Assert.Equal("0/10 points", run.Title);
        Assert.Equal("failure", run.Conclusion);
        var annotation = Assert.Single(run.Annotations.DistinctBy(a => (a.Path, a.StartLine)));
        Assert.Equal(("wordcount.py", 3), (annotation.Path, annotation.StartLine));
        Assert.Equal("failure", annotation.Level);
        Assert.Contains("compile", run.Summary, StringComparison.OrdinalIgnoreCase);
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task A_redelivered_push_is_answered_2xx_and_not_graded_again()
    {
        await using var scenario = await AppScenario.StartAsync();
        using var bob = await scenario.StudentRepositoryAsync("bob");
        bob.ReplaceFilesWith(CourseFolder.Solution);
        var sha = await bob.CommitAllAsync("solution");
        await bob.PushAsync();
        await scenario.CompletedCheckRunAsync(sha);
        var push = scenario.GitHub.Deliveries.Single(d => d.Event == "push");
        Assert.Equal(202, push.Status);

        var redelivered = await scenario.GitHub.RedeliverAsync(push.Id);

        Assert.Equal(200, redelivered.Status);
        Assert.Contains("\"duplicate\"", redelivered.ResponseBody, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(scenario.CheckRunsOn(sha));
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task Re_run_requested_on_the_check_run_grades_the_commit_again()
    {
        await using var scenario = await AppScenario.StartAsync();
        using var carol = await scenario.StudentRepositoryAsync("carol");
        carol.ReplaceFilesWith(CourseFolder.Solution);
        var sha = await carol.CommitAllAsync("solution");
        await carol.PushAsync();
        var first = await scenario.CompletedCheckRunAsync(sha);

        await scenario.GitHub.RerequestCheckRunAsync(first.Id);
        var second = await scenario.GitHub.WaitForCheckRunAsync(r => r.HeadSha == sha && r.Id != first.Id && r.Status == "completed", TimeSpan.FromSeconds(90));

        Assert.Equal("10/10 points", second.Title);
        Assert.Equal(2, scenario.CheckRunsOn(sha).Count);
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task A_newer_push_supersedes_a_queued_one_which_ends_skipped()
    {
        await using var scenario = await AppScenario.StartAsync(config => config["Worker"]!["Concurrency"] = 1);
        using var dave = await scenario.StudentRepositoryAsync("dave");
        dave.ReplaceFilesWith(CourseFolder.Starter);
        var shas = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            dave.WriteFile("notes.txt", $"attempt {i}\n");
            shas.Add(await dave.CommitAllAsync($"attempt {i}"));
            await dave.PushAsync();
        }

        var last = await scenario.CompletedCheckRunAsync(shas[2]);
        Assert.NotEqual("skipped", last.Conclusion);
        var earlier = await Task.WhenAll(shas.Take(2).Select(sha => scenario.CompletedCheckRunAsync(sha)));

        // One worker slot: the first push is being graded while the second waits; the third replaces the second.
        var skipped = earlier.Where(r => r.Conclusion == "skipped").ToList();
        Assert.NotEmpty(skipped);
        Assert.All(skipped, run =>
        {
            Assert.StartsWith("Skipped", run.Title, StringComparison.Ordinal);
            Assert.Contains(shas.Skip(shas.IndexOf(run.HeadSha) + 1), newer => run.Summary!.Contains(newer[..12], StringComparison.Ordinal));
        });
        scenario.GitHub.AssertNoViolations();
    }
}
