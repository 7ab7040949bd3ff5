using System.Globalization;
using System.Text.Json.Nodes;
using GitGrader.AppTests.Support;

namespace GitGrader.AppTests.EndToEnd;

/// <summary>
/// Late policy and extensions end to end, through a real <c>gitgrader serve</c>, its store and the
/// GitHub stand-in: the deadline passed 30 hours ago; alice has an extension (in
/// <c>Classroom:Extensions</c>), bob does not; both push the full solution now.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LatePolicyTests
{
    [Fact]
    public async Task An_extended_students_late_push_is_on_time_and_the_others_loses_the_penalty_in_the_summary_issue_and_export()
    {
        var now = DateTimeOffset.UtcNow;
        var deadline = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddHours(-30);
        var extension = deadline.AddDays(3);
        await using var scenario = await AppScenario.StartAsync(
            config => config["Classroom"]!["Extensions"] = new JsonArray(new JsonObject
            {
                ["Assignment"] = CourseFolder.Slug,
                ["Student"] = "alice",
                ["Until"] = extension.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            }),
            startServer: false);
        var file = Path.Combine(scenario.Course.AssignmentsFolder, CourseFolder.Slug, "assignment.yml");
        File.WriteAllText(file, File.ReadAllText(file).Replace(
            "\ntests:\n",
            $"\ndeadline: {deadline.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)}\nlate: {{ grace: 15m, penalty_per_day: 10%, max_penalty: 50% }}\n\ntests:\n",
            StringComparison.Ordinal));
        await scenario.StartServerAsync();

        var pushes = new Dictionary<string, string>();
        foreach (var login in new[] { "alice", "bob" })
        {
            var copy = await scenario.StudentRepositoryAsync(login);
            copy.ReplaceFilesWith(CourseFolder.Solution);
            pushes[login] = await copy.CommitAllAsync("solution");
            await copy.PushAsync();
        }

        var aliceRun = await scenario.CompletedCheckRunAsync(pushes["alice"]);
        var bobRun = await scenario.CompletedCheckRunAsync(pushes["bob"]);
        Assert.Equal("10/10 points", aliceRun.Title);
        Assert.Equal("10/10 points", bobRun.Title);
        Assert.DoesNotContain("Late:", aliceRun.Summary, StringComparison.Ordinal);
        Assert.Contains(
            $"2 days after your deadline ({deadline.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC) and its grace period. If it is the submission that counts, 20% of its points are taken.",
            bobRun.Summary,
            StringComparison.Ordinal);

        // The push came 30 h after the deadline: 30 h − 15 min of grace is 2 started days, −20% of 10.
        var issue = await scenario.GitHub.WaitForIssueAsync(
            i => i.Repository.FullName == CourseFolder.InstructorRepository && i.Body is { } body
                && body.Contains($"`{pushes["alice"][..7]}`", StringComparison.Ordinal) && body.Contains($"`{pushes["bob"][..7]}`", StringComparison.Ordinal)
                && !body.Contains("pending", StringComparison.Ordinal),
            TimeSpan.FromSeconds(90));
        var alice = MarkdownTable.Row(issue.Body!, "alice");
        Assert.Equal("10/10", alice["Score"]);
        Assert.Equal("10/10", alice["Raw"]);
        Assert.Equal($"extended to {extension.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC", alice["Late"]);
        var bob = MarkdownTable.Row(issue.Body!, "bob");
        Assert.Equal("8/10", bob["Score"]);
        Assert.Equal("10/10", bob["Raw"]);
        Assert.Equal("2 days late, −20%", bob["Late"]);
        Assert.Contains("(1 with an extension)", issue.Body, StringComparison.Ordinal);

        var (exit, output) = await ServerProcess.RunToEndAsync(scenario.Course.Root, "export", "--config", scenario.Course.ConfigFile);
        Assert.True(exit == 0, output);
        var rows = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = (DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        Assert.Single(rows, r => r.StartsWith("python-wordcount,alice@uni.example,alice,", StringComparison.Ordinal)
            && r.EndsWith($",false,1,10,10,0,0,{pushes["alice"]},{at(extension)},true", StringComparison.Ordinal));
        Assert.Single(rows, r => r.StartsWith("python-wordcount,bob@uni.example,bob,", StringComparison.Ordinal)
            && r.EndsWith($",true,1,8,10,2,2,{pushes["bob"]},{at(deadline)},false", StringComparison.Ordinal));
        scenario.GitHub.AssertNoViolations();
    }
}
