using GitGrader.Classroom;
using GitGrader.Core.Assignments;
using GitGrader.Reporting;
using GitGrader.Storage;

namespace GitGrader.AppTests.Units;

public sealed class RosterTableRendererTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 11, 20, 23, 59, 0, TimeSpan.Zero);
    private static readonly Assignment Lab = new() { Slug = "lab-1", Name = "Lab <1>", Image = "img", Directory = "/tmp/lab-1", Deadline = Deadline, Tests = [] };
    private static readonly Uri Git = new("https://github.com/");

    private static StudentScore Score(string login, double? best, double? latest, int attempts, DateTimeOffset at) => new()
    {
        Student = login,
        Repository = $"cs101/lab-1-{login}",
        BestScore = best,
        LatestScore = latest,
        MaxScore = 10,
        LatestSha = "0123456789abcdef0123456789abcdef01234567",
        LatestReceivedAt = at,
        Attempts = attempts,
    };

    [Fact]
    public void Lists_roster_students_without_submissions_submitters_not_on_the_roster_and_late_ones()
    {
        var roster = new Roster([new RosterEntry("a@x", "ada", null, "Ada <script>"), new RosterEntry("b@x", "bo", null, "Bo"), new RosterEntry("c@x", string.Empty, null, null)]);
        var scores = new[] { Score("ada", 9, 7, 3, Deadline.AddHours(1)), Score("zed", null, null, 1, Deadline.AddHours(-1)) };

        var body = new RosterTableRenderer().Render(Lab, roster, scores, Git, Deadline);
        var lines = body.Split('\n');

        Assert.Equal("<!-- gitgrader:summary:lab-1 -->", lines[0]);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<1>", body, StringComparison.Ordinal);
        var ada = lines.Single(l => l.StartsWith("| `ada` |", StringComparison.Ordinal));
        Assert.Contains("| 9/10 | 7/10 | `0123456` |", ada, StringComparison.Ordinal);
        Assert.Contains("| late | 3 |", ada, StringComparison.Ordinal);
        Assert.Contains("](https://github.com/cs101/lab-1-ada)", ada, StringComparison.Ordinal);
        Assert.EndsWith("| 0 |", lines.Single(l => l.StartsWith("| `bo` |", StringComparison.Ordinal)), StringComparison.Ordinal);
        var zed = lines.Single(l => l.StartsWith("| `zed` |", StringComparison.Ordinal));
        Assert.Contains("*not on roster*", zed, StringComparison.Ordinal);
        Assert.Contains("| pending | pending |", zed, StringComparison.Ordinal);
        Assert.Contains("1 roster entries have no GitHub account linked yet: c@\u200Bx.", body, StringComparison.Ordinal);
        Assert.Contains("2 of 4 students have submitted", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_course_of_thousands_stays_within_the_issue_body_limit_and_says_what_was_left_out()
    {
        var scores = Enumerable.Range(0, 3000).Select(i => Score($"student{i:0000}", 5, 5, 2, Deadline)).ToList();

        var body = new RosterTableRenderer().Render(Lab, Roster.Empty, scores, Git, Deadline);

        Assert.True(body.Length <= RosterTableRenderer.MaxLength, body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("more students do not fit in an issue", body, StringComparison.Ordinal);
        Assert.Contains("| `student0000` |", body, StringComparison.Ordinal);
    }
}
