using GitGrader.AppTests.Support;
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

    private static SubmissionScore Graded(string sha, DateTimeOffset at, double score) => new() { Sha = sha, ReceivedAt = at, Score = score, MaxScore = 10 };

    private static StudentScore Score(string login, double? best, double? latest, int attempts, DateTimeOffset at, params SubmissionScore[] submissions) => new()
    {
        Submissions = submissions,
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
        var scores = new[]
        {
            Score("ada", 9, 7, 3, Deadline.AddHours(1), Graded("a1", Deadline.AddHours(-2), 9), Graded("a2", Deadline.AddHours(-1), 6), Graded("a3", Deadline.AddHours(1), 7)),
            Score("zed", null, null, 1, Deadline.AddHours(-1), new SubmissionScore { Sha = "z1", ReceivedAt = Deadline.AddHours(-1) }),
        };

        var body = new RosterTableRenderer().Render(Lab, roster, scores, Git, Deadline);
        var lines = body.Split('\n');

        Assert.Equal("<!-- gitgrader:summary:lab-1 -->", lines[0]);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<1>", body, StringComparison.Ordinal);
        var ada = lines.Single(l => l.StartsWith("| `ada` |", StringComparison.Ordinal));
        Assert.Contains("| 9/10 | 9/10 | 9/10 | 7/10 | `0123456` |", ada, StringComparison.Ordinal);
        Assert.Contains("| latest late, not counted | 3 |", ada, StringComparison.Ordinal);
        Assert.Contains("](https://github.com/cs101/lab-1-ada)", ada, StringComparison.Ordinal);
        Assert.EndsWith("| 0 |", lines.Single(l => l.StartsWith("| `bo` |", StringComparison.Ordinal)), StringComparison.Ordinal);
        var zed = lines.Single(l => l.StartsWith("| `zed` |", StringComparison.Ordinal));
        Assert.Contains("*not on roster*", zed, StringComparison.Ordinal);
        Assert.Contains("| pending | pending | pending | pending |", zed, StringComparison.Ordinal);
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

    private static readonly Assignment Penalised = Lab with
    {
        Late = new LatePolicy { Grace = TimeSpan.FromMinutes(15), PenaltyPerDay = 10, MaxPenalty = 50 },
    };

    [Fact]
    public void Extended_student_is_on_time_and_the_others_late_push_loses_the_penalty_raw_kept_beside_it()
    {
        var roster = new Roster([new RosterEntry("a", "alice", null, "Alice"), new RosterEntry("b", "bob", null, "Bob"), new RosterEntry("c", "carol", null, "Carol")]);
        var deadlines = Deadlines(Penalised, roster, ("alice", Deadline.AddDays(3)), ("carol", Deadline.AddDays(2)));
        var pushed = Deadline.AddHours(30); // bob: 30 h after the deadline, past the 15 min grace: 2 started days
        var scores = new[]
        {
            Score("alice", 8, 8, 1, pushed, Graded("a1", pushed, 8)),
            Score("bob", 8, 8, 1, pushed, Graded("b1", pushed, 8)),
        };

        var body = new RosterTableRenderer().Render(Penalised, roster, scores, Git, Deadline, deadlines);

        var alice = MarkdownTable.Row(body, "alice");
        Assert.Equal("8/10", alice["Score"]);
        Assert.Equal("8/10", alice["Raw"]);
        Assert.Equal("extended to 2026-11-23 23:59 UTC", alice["Late"]);
        var bob = MarkdownTable.Row(body, "bob");
        Assert.Equal("6.4/10", bob["Score"]);
        Assert.Equal("8/10", bob["Raw"]);
        Assert.Equal("8/10", bob["Best"]);
        Assert.Equal("2 days late, −20%", bob["Late"]);
        var carol = MarkdownTable.Row(body, "carol");
        Assert.Equal("—", carol["Score"]);
        Assert.Equal("extended to 2026-11-22 23:59 UTC", carol["Late"]);
        Assert.Equal("0", carol["Attempts"]);
        Assert.Contains("Deadline 2026-11-20 23:59 UTC (2 with an extension).", body, StringComparison.Ordinal);
        Assert.Contains("Late after the deadline + 15m grace: −10% of the points scored per started day, at most −50%. Counts: the best submission after its penalty.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Best_on_time_with_every_push_late_records_zero_and_says_none_on_time()
    {
        var lab = Penalised with { Counts = SubmissionCounting.BestOnTime };
        var late = Deadline.AddHours(1);

        var body = new RosterTableRenderer().Render(lab, Roster.Empty, [Score("dan", 10, 10, 1, late, Graded("d1", late, 10))], Git, Deadline);

        var dan = MarkdownTable.Row(body, "dan");
        Assert.Equal("0/10", dan["Score"]);
        Assert.Equal("none on time", dan["Raw"]);
        Assert.Equal("10/10", dan["Best"]);
        Assert.Equal("latest late, not counted", dan["Late"]);
        Assert.Contains("Counts: the best submission on time; later ones are ignored.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Latest_counts_the_latest_with_its_penalty_though_an_earlier_one_scored_more()
    {
        var lab = Penalised with { Counts = SubmissionCounting.Latest };
        var scores = new[] { Score("eve", 10, 6, 2, Deadline.AddDays(10), Graded("e1", Deadline.AddHours(-1), 10), Graded("e2", Deadline.AddDays(10), 6)) };

        var eve = MarkdownTable.Row(new RosterTableRenderer().Render(lab, Roster.Empty, scores, Git, Deadline), "eve");

        Assert.Equal("3/10", eve["Score"]);
        Assert.Equal("6/10", eve["Raw"]);
        Assert.Equal("10 days late, −50%", eve["Late"]);
    }

    private static StudentDeadlines Deadlines(Assignment assignment, Roster roster, params (string Login, DateTimeOffset Until)[] extensions)
    {
        var problems = new List<string>();
        var configured = extensions.Select(e => new ExtensionOptions { Assignment = assignment.Slug, Student = e.Login, Until = e.Until.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        var deadlines = StudentDeadlines.Create(new AssignmentCatalog("cs101", [assignment]), roster, [], configured, problems);
        Assert.Empty(problems);
        return deadlines;
    }
}
