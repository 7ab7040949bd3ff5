using GitGrader.Core.Feedback;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Tests.Feedback;

public sealed class FeedbackViewTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly FeedbackLimit Limit = new() { HiddenResultsPerDay = 3, TimeZone = Berlin };
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 18, 48, 0, TimeSpan.Zero);

    private static FeedbackDecision Decision(bool shown, int used, bool alreadyCounted = false, bool counts = true) => new()
    {
        HiddenShown = shown,
        Limit = Limit,
        PerDay = 3,
        Used = used,
        Window = FeedbackAllowance.WindowAt(Limit, Now),
        AlreadyCounted = alreadyCounted,
        Counts = counts,
    };

    [Fact]
    public void ForStudent_PastTheLimit_KeepsOnlyVisibleTestsTheirScoreAndAnnotations()
    {
        var report = FeedbackAllowanceTests.Report(TestStatus.Passed, TestStatus.Failed);

        var shown = FeedbackView.ForStudent(report, Decision(shown: false, used: 3), Now);

        var test = Assert.Single(shown.Tests);
        Assert.Equal("greets", test.Name);
        Assert.Equal(2, shown.Score);
        Assert.Equal(2, shown.MaxScore);
        Assert.Equal("greets", Assert.Single(shown.Annotations).Title);
        Assert.EndsWith("(visible tests only)", shown.Assignment, StringComparison.Ordinal);
        Assert.Equal(
            "Hidden tests: 3 of 3 results used today; they come back at 00:00 Europe/Berlin (in 4 h 12 min). This commit was graded in full and recorded for course staff; only the visible tests are shown here.",
            shown.Notes[0]);
        Assert.Equal("Skipped symlink 'x'.", shown.Notes[1]);
    }

    [Fact]
    public void ForStudent_PastTheLimit_RenderedMarkdownNamesNoHiddenTestAndNoFullScore()
    {
        var report = FeedbackAllowanceTests.Report(TestStatus.Passed, TestStatus.Passed);

        var markdown = new MarkdownReportRenderer().Render(FeedbackView.ForStudent(report, Decision(shown: false, used: 3), Now));

        Assert.DoesNotContain("secret edge case", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("10/10", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("🔒", markdown, StringComparison.Ordinal);
        Assert.Contains("2/2", markdown, StringComparison.Ordinal);
        Assert.Contains("3 of 3 results used today", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ForStudent_PastTheLimit_TotalTimeIsTheVisibleTestsOnly()
    {
        // A hidden test that ran into its 10 s timeout must not show in "Graded by GitGrader in …".
        var report = FeedbackAllowanceTests.Report(TestStatus.Passed, TestStatus.Timeout);
        report = report with
        {
            DurationMs = 10_450,
            Tests = [report.Tests[0] with { DurationMs = 120 }, report.Tests[1] with { DurationMs = 10_000 }],
        };

        var shown = FeedbackView.ForStudent(report, Decision(shown: false, used: 3), Now);

        Assert.Equal(120, shown.DurationMs);
        Assert.DoesNotContain("10.", new MarkdownReportRenderer().Render(shown), StringComparison.Ordinal);
    }

    [Fact]
    public void ForStudent_WithinTheLimit_ShowsEverythingAndTheCount()
    {
        var report = FeedbackAllowanceTests.Report(TestStatus.Passed, TestStatus.Failed);

        var shown = FeedbackView.ForStudent(report, Decision(shown: true, used: 2), Now);

        Assert.Equal(2, shown.Tests.Count);
        Assert.Equal(report.Score, shown.Score);
        Assert.Equal(report.MaxScore, shown.MaxScore);
        Assert.Equal("Hidden tests: 2 of 3 results used today, this one included; the count starts again at 00:00 Europe/Berlin (in 4 h 12 min).", shown.Notes[0]);
    }

    [Fact]
    public void ForStudent_ReRunOfACountedCommit_SaysItWasCountedBefore()
    {
        var shown = FeedbackView.ForStudent(FeedbackAllowanceTests.Report(TestStatus.Passed, TestStatus.Failed), Decision(shown: true, used: 3, alreadyCounted: true), Now);

        Assert.StartsWith("Hidden tests: this commit's result was counted when it was first graded (3 of 3", shown.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ForStudent_ZeroADay_SaysHiddenResultsAreNeverShown()
    {
        var decision = Decision(shown: false, used: 0) with { PerDay = 0 };

        var shown = FeedbackView.ForStudent(FeedbackAllowanceTests.Report(TestStatus.Passed, TestStatus.Failed), decision, Now);

        Assert.Single(shown.Tests);
        Assert.StartsWith("Hidden tests: their results are not shown for this assignment", shown.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ForStudent_WithheldOnAnEarlierDayShownAgainToday_SaysAReRunShowsThem()
    {
        var shown = FeedbackView.ForStudent(FeedbackAllowanceTests.Report(TestStatus.Passed, TestStatus.Failed), Decision(shown: false, used: 1), Now);

        Assert.Single(shown.Tests);
        Assert.Equal("Hidden tests: this commit was graded when that day's results were used up; 1 of 3 results used today, so a new push or a Re-run of this check shows them.", shown.Notes[0]);
    }

    [Fact]
    public void ForStudent_Unlimited_IsTheReportUnchanged()
    {
        var report = FeedbackAllowanceTests.Report(TestStatus.Passed, TestStatus.Failed);

        Assert.Same(report, FeedbackView.ForStudent(report, FeedbackDecision.Unlimited, Now));
    }

    [Theory]
    [InlineData(0, "0 min")]
    [InlineData(1, "1 min")]
    [InlineData(59, "1 min")]
    [InlineData(3600, "1 h 0 min")]
    [InlineData(15_121, "4 h 13 min")]
    public void Until_RoundsUpToTheMinute(int seconds, string expected)
    {
        Assert.Equal(expected, FeedbackDecision.Until(Now, Now.AddSeconds(seconds)));
    }
}
