using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;
using GitGrader.GitHub.Rest;
using GitGrader.Reporting;
using GitGrader.Storage;

namespace GitGrader.AppTests.Units;

public sealed class CheckRunContentTests
{
    private static GradeReport Report(Annotation annotation) => new()
    {
        Assignment = "Lab",
        Slug = "lab",
        Score = 0,
        MaxScore = 1,
        DurationMs = 1_000,
        GradedAt = DateTimeOffset.UnixEpoch,
        Tests = [new TestResult { Name = "t", Status = TestStatus.Failed, Score = 0, MaxScore = 1, Visibility = Visibility.Visible }],
        Annotations = [annotation],
    };

    [Fact]
    public void Graded_AnnotationWithControlCharacters_SentPrintable()
    {
        var report = Report(new Annotation { Path = "a\u001B[2J.py", Line = 2, Title = "t\u0007", Message = "ValueError: \u001B]0;pwned\u0007 \u202Eevil" });

        var annotation = Assert.Single(CheckRunContent.Graded(report, "summary").Annotations);

        Assert.Equal("a␛[2J.py", annotation.Path);
        Assert.Equal("t␇", annotation.Title);
        Assert.Equal("ValueError: ␛]0;pwned␇ <U+202E>evil", annotation.Message);
    }

    [Theory]
    [InlineData("feature-`x`")]
    [InlineData("fix/GH-2")]
    public void Superseded_Branch_NotInACodeSpanAndDefused(string branch)
    {
        var output = CheckRunContent.Superseded(new string('a', 40), branch);

        Assert.DoesNotContain("`" + MarkdownText.Inline(branch), output.Summary, StringComparison.Ordinal);
        Assert.Contains(" to " + MarkdownText.Inline(branch) + " before", output.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("GH-2", output.Summary, StringComparison.Ordinal);
    }

    private static readonly DateTimeOffset Due = new(2026, 12, 15, 23, 0, 0, TimeSpan.Zero);

    private static SubmissionRecord Pushed(DateTimeOffset at) => new()
    {
        Id = 1, Assignment = "lab", Student = "bob", Repository = "o/lab-bob", InstallationId = 1, Sha = new string('a', 40), ReceivedAt = at,
    };

    private static Assignment Lab(SubmissionCounting counts = SubmissionCounting.Best) => new()
    {
        Slug = "lab", Name = "Lab", Image = "img", Directory = "/tmp/lab", Tests = [], Deadline = Due, Counts = counts,
        Late = new LatePolicy { Grace = TimeSpan.FromMinutes(15), PenaltyPerDay = 10, MaxPenalty = 50 },
    };

    private static readonly CheckRunOutput Output = new() { Title = "8/10 points", Summary = "table" };

    [Fact]
    public void WithLateness_LatePush_SaysByHowMuchAndWhatItCosts()
    {
        var output = CheckRunContent.WithLateness(Output, Pushed(Due.AddHours(30)), Lab(), Due);

        Assert.Equal(
            "> Late: received 2026-12-17 05:00 UTC, 2 days after your deadline (2026-12-15 23:00 UTC) and its grace period. If it is the submission that counts, 20% of its points are taken.\n\ntable",
            output.Summary);
        Assert.Equal("8/10 points", output.Title);
    }

    [Fact]
    public void WithLateness_WithinGraceOrBeforeTheStudentsOwnDeadline_SaysNothing()
    {
        Assert.Same(Output, CheckRunContent.WithLateness(Output, Pushed(Due.AddMinutes(15)), Lab(), Due));
        Assert.Same(Output, CheckRunContent.WithLateness(Output, Pushed(Due.AddHours(30)), Lab(), Due.AddDays(3)));
        Assert.Same(Output, CheckRunContent.WithLateness(Output, Pushed(Due.AddHours(30)), Lab() with { Deadline = null }, null));
    }

    [Fact]
    public void WithLateness_OnTimeCounting_SaysLateOnesDoNotCount()
    {
        var output = CheckRunContent.WithLateness(Output, Pushed(Due.AddHours(1)), Lab(SubmissionCounting.BestOnTime), Due);

        Assert.EndsWith("1 day after your deadline (2026-12-15 23:00 UTC) and its grace period. Late submissions do not count for this assignment.\n\ntable", output.Summary, StringComparison.Ordinal);
    }
}
