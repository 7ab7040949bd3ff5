using GitGrader.Core.Assignments;
using GitGrader.Core.Grades;

namespace GitGrader.Core.Tests.Grades;

public sealed class RecordedGradePolicyTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 15, 23, 59, 0, TimeSpan.FromHours(-5));

    private static readonly LatePolicy TenPerDay = new() { Grace = TimeSpan.FromMinutes(15), PenaltyPerDay = 10, MaxPenalty = 50 };

    private static Assignment Lab(SubmissionCounting counts = SubmissionCounting.Best, LatePolicy? late = null) => new()
    {
        Slug = "lab", Name = "Lab", Image = "img", Directory = "/tmp/lab", Tests = [], Deadline = Due, Late = late ?? TenPerDay, Counts = counts,
    };

    private static GradedSubmission At(TimeSpan afterDue, double score, string sha = "s") => new(sha, Due + afterDue, score, 10);

    [Theory]
    [InlineData(-60, 0)]
    [InlineData(0, 0)]
    [InlineData(15 * 60, 0)] // exactly deadline + grace: on time
    [InlineData(15 * 60 + 1, 1)] // one second past it: the first day started
    [InlineData(15 * 60 + 24 * 3600, 1)] // exactly 24 h past deadline + grace: still day 1
    [InlineData(15 * 60 + 24 * 3600 + 1, 2)]
    [InlineData(15 * 60 + 72 * 3600 - 1, 3)]
    public void LateDays_CountsEachStartedDayAfterDeadlinePlusGrace(int secondsAfterDue, int days)
    {
        Assert.Equal(days, RecordedGradePolicy.LateDays(Due, TenPerDay, Due.AddSeconds(secondsAfterDue)));
        Assert.Equal(days > 0, RecordedGradePolicy.IsLate(Due, TenPerDay, Due.AddSeconds(secondsAfterDue)));
    }

    [Fact]
    public void LateDays_OneTickPastTheDeadlineWithoutGrace_IsLate()
    {
        Assert.Equal(0, RecordedGradePolicy.LateDays(Due, LatePolicy.None, Due));
        Assert.Equal(1, RecordedGradePolicy.LateDays(Due, LatePolicy.None, Due.AddTicks(1)));
    }

    [Fact]
    public void LateDays_NoDeadline_NeverLate()
    {
        Assert.Equal(0, RecordedGradePolicy.LateDays(null, TenPerDay, DateTimeOffset.MaxValue));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 10)]
    [InlineData(4, 40)]
    [InlineData(5, 50)]
    [InlineData(6, 50)] // the cap
    [InlineData(1000, 50)]
    public void PenaltyPercent_PerDayUpToTheCap(int days, double percent)
    {
        Assert.Equal(percent, RecordedGradePolicy.PenaltyPercent(TenPerDay, days), 9);
    }

    [Fact]
    public void PenaltyPercent_NoCap_NeverPastAHundred()
    {
        Assert.Equal(100, RecordedGradePolicy.PenaltyPercent(new LatePolicy { PenaltyPerDay = 30 }, 4), 9);
    }

    [Fact]
    public void Decide_LateSubmission_LosesThePercentOfWhatItScored()
    {
        var grade = RecordedGradePolicy.Decide(Lab(), Due, [At(TimeSpan.FromHours(30), 8)])!;

        Assert.Equal(2, grade.LateDays);
        Assert.Equal(20, grade.PenaltyPercent, 9);
        Assert.Equal(1.6, grade.Penalty, 9);
        Assert.Equal(6.4, grade.Score, 9);
        Assert.Equal(8, grade.RawScore);
        Assert.True(grade.Late);
        Assert.Equal(Due, grade.Deadline);
    }

    [Fact]
    public void Decide_ZeroScoreLate_StaysZero()
    {
        var grade = RecordedGradePolicy.Decide(Lab(), Due, [At(TimeSpan.FromDays(3), 0)])!;

        Assert.Equal(0, grade.Score);
        Assert.Equal(0, grade.Penalty);
        Assert.Equal(3, grade.LateDays);
    }

    [Fact]
    public void Decide_VeryLate_TakesAtMostTheCap()
    {
        var grade = RecordedGradePolicy.Decide(Lab(), Due, [At(TimeSpan.FromDays(40), 10)])!;

        Assert.Equal(50, grade.PenaltyPercent, 9);
        Assert.Equal(5, grade.Score, 9);
    }

    [Fact]
    public void Decide_NothingGraded_IsNull()
    {
        Assert.Null(RecordedGradePolicy.Decide(Lab(), Due, []));
    }

    [Fact]
    public void Decide_ExtensionDeadline_MakesTheLatePushOnTime()
    {
        var push = At(TimeSpan.FromDays(2), 9);

        var assignmentDeadline = RecordedGradePolicy.Decide(Lab(), Due, [push])!;
        var extended = RecordedGradePolicy.Decide(Lab(), Due.AddDays(3), [push])!;
        var extensionBoundary = RecordedGradePolicy.Decide(Lab(), Due.AddDays(2).AddMinutes(-15), [push])!;
        var pastExtension = RecordedGradePolicy.Decide(Lab(), Due.AddDays(2).AddMinutes(-15).AddTicks(-1), [push])!;

        Assert.Equal(2, assignmentDeadline.LateDays);
        Assert.Equal(7.2, assignmentDeadline.Score, 9);
        Assert.False(extended.Late);
        Assert.Equal(9, extended.Score);
        Assert.Equal(Due.AddDays(3), extended.Deadline);
        Assert.False(extensionBoundary.Late); // exactly extension + grace
        Assert.Equal(1, pastExtension.LateDays);
    }

    // Two submissions: 6 on time, 9 one day late (8.1 after 10 %).
    private static readonly GradedSubmission[] OnTimeThenLate = [At(TimeSpan.FromHours(-1), 6, "early"), At(TimeSpan.FromHours(20), 9, "late")];

    [Theory]
    [InlineData(SubmissionCounting.Best, "late", 8.1)]
    [InlineData(SubmissionCounting.Latest, "late", 8.1)]
    [InlineData(SubmissionCounting.BestOnTime, "early", 6)]
    [InlineData(SubmissionCounting.LatestOnTime, "early", 6)]
    public void Decide_EachCounts_WithSubmissionsBeforeAndAfterTheDeadline(SubmissionCounting counts, string sha, double score)
    {
        var grade = RecordedGradePolicy.Decide(Lab(counts), Due, OnTimeThenLate)!;

        Assert.Equal(sha, grade.Counted!.Sha);
        Assert.Equal(score, grade.Score, 9);
    }

    [Theory]
    [InlineData(SubmissionCounting.Best, "b", 9)] // the highest after penalty (b: 9 on time beats c: 10 less 50 %)
    [InlineData(SubmissionCounting.Latest, "c", 5)]
    [InlineData(SubmissionCounting.BestOnTime, "b", 9)]
    [InlineData(SubmissionCounting.LatestOnTime, "b", 9)]
    public void Decide_EachCounts_PicksBestOrLatestAfterPenalty(SubmissionCounting counts, string sha, double score)
    {
        // Given out of order: the policy orders by time received.
        GradedSubmission[] submissions = [At(TimeSpan.FromDays(10), 10, "c"), At(TimeSpan.FromHours(-5), 7, "a"), At(TimeSpan.FromMinutes(10), 9, "b")];

        var grade = RecordedGradePolicy.Decide(Lab(counts), Due, submissions)!;

        Assert.Equal(sha, grade.Counted!.Sha);
        Assert.Equal(score, grade.Score, 9);
    }

    [Theory]
    [InlineData(SubmissionCounting.BestOnTime)]
    [InlineData(SubmissionCounting.LatestOnTime)]
    public void Decide_OnTimeCounting_AllLate_RecordsZeroAndCountsNone(SubmissionCounting counts)
    {
        var grade = RecordedGradePolicy.Decide(Lab(counts), Due, [At(TimeSpan.FromDays(1), 10)])!;

        Assert.Null(grade.Counted);
        Assert.Null(grade.RawScore);
        Assert.Equal(0, grade.Score);
        Assert.False(grade.Late);
    }

    [Fact]
    public void Decide_BestTie_TheEarlierCounts()
    {
        var grade = RecordedGradePolicy.Decide(Lab(), Due, [At(TimeSpan.FromHours(-3), 7, "first"), At(TimeSpan.FromHours(-2), 7, "second")])!;

        Assert.Equal("first", grade.Counted!.Sha);
    }

    [Fact]
    public void Decide_LatestOfTwoReceivedAtOnce_IsTheLaterInTheList()
    {
        var grade = RecordedGradePolicy.Decide(Lab(SubmissionCounting.Latest), Due, [At(TimeSpan.Zero, 3, "one"), At(TimeSpan.Zero, 4, "two")])!;

        Assert.Equal("two", grade.Counted!.Sha);
    }

    [Fact]
    public void Decide_NoDeadline_NothingIsLate()
    {
        var lab = Lab() with { Deadline = null, Late = LatePolicy.None };

        var grade = RecordedGradePolicy.Decide(lab, null, [At(TimeSpan.FromDays(100), 4)])!;

        Assert.False(grade.Late);
        Assert.Equal(4, grade.Score);
        Assert.Null(grade.Deadline);
    }
}
