using GitGrader.Core.Assignments;
using GitGrader.Core.Feedback;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Tests.Feedback;

public sealed class FeedbackAllowanceTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static FeedbackLimit Limit(string resetsAt = "00:00", TimeZoneInfo? zone = null) => new()
    {
        HiddenResultsPerDay = 3,
        ResetsAt = TimeOnly.Parse(resetsAt, System.Globalization.CultureInfo.InvariantCulture),
        TimeZone = zone ?? Berlin,
    };

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void WindowAt_MidnightBerlinInWinter_RunsFrom23UtcTo23Utc()
    {
        var window = FeedbackAllowance.WindowAt(Limit(), Utc(2026, 12, 2, 10));

        Assert.Equal(Utc(2026, 12, 1, 23), window.Start);
        Assert.Equal(Utc(2026, 12, 2, 23), window.End);
        Assert.Equal("2026-12-01T23:00:00Z", window.Key);
    }

    [Fact]
    public void WindowAt_ExactlyAtTheReset_StartsTheNewDay()
    {
        var reset = Utc(2026, 12, 2, 23);

        Assert.Equal(reset, FeedbackAllowance.WindowAt(Limit(), reset).Start);
        Assert.Equal(reset, FeedbackAllowance.WindowAt(Limit(), reset.AddTicks(-1)).End);
    }

    [Fact]
    public void WindowAt_ResetNotMidnight_LocalMorningBeforeTheResetBelongsToYesterday()
    {
        // 06:30 in Berlin (winter, UTC+1) is 05:30 UTC.
        var limit = Limit("06:30");

        var before = FeedbackAllowance.WindowAt(limit, Utc(2026, 12, 2, 5, 29));
        var after = FeedbackAllowance.WindowAt(limit, Utc(2026, 12, 2, 5, 30));

        Assert.Equal(Utc(2026, 12, 1, 5, 30), before.Start);
        Assert.Equal(Utc(2026, 12, 2, 5, 30), before.End);
        Assert.Equal(Utc(2026, 12, 2, 5, 30), after.Start);
        Assert.Equal(Utc(2026, 12, 3, 5, 30), after.End);
    }

    [Fact]
    public void WindowAt_LateResetAcrossTheUtcDate_UsesTheLocalDate()
    {
        // 23:30 in New York (winter, UTC-5) is 04:30 UTC the next day.
        var window = FeedbackAllowance.WindowAt(Limit("23:30", NewYork), Utc(2026, 12, 3, 2));

        Assert.Equal(Utc(2026, 12, 2, 4, 30), window.Start);
        Assert.Equal(Utc(2026, 12, 3, 4, 30), window.End);
    }

    [Fact]
    public void WindowAt_SpringForwardDay_Is23HoursLong()
    {
        // Berlin moves from +1 to +2 on 2026-03-29 at 02:00 local.
        var window = FeedbackAllowance.WindowAt(Limit(), Utc(2026, 3, 29, 12));

        Assert.Equal(Utc(2026, 3, 28, 23), window.Start);
        Assert.Equal(Utc(2026, 3, 29, 22), window.End);
        Assert.Equal(TimeSpan.FromHours(23), window.End - window.Start);
    }

    [Fact]
    public void WindowAt_FallBackDay_Is25HoursLong()
    {
        // Berlin moves from +2 to +1 on 2026-10-25 at 03:00 local.
        var window = FeedbackAllowance.WindowAt(Limit(), Utc(2026, 10, 25, 12));

        Assert.Equal(Utc(2026, 10, 24, 22), window.Start);
        Assert.Equal(Utc(2026, 10, 25, 23), window.End);
        Assert.Equal(TimeSpan.FromHours(25), window.End - window.Start);
    }

    [Fact]
    public void ResetOn_ResetTimeTheClocksSkip_HappensWhenTheGapEnds()
    {
        // 02:30 does not exist in Berlin on 2026-03-29: the clocks jump from 02:00 to 03:00 (01:00 UTC).
        var reset = FeedbackAllowance.ResetOn(Limit("02:30"), new DateOnly(2026, 3, 29));

        Assert.Equal(Utc(2026, 3, 29, 1), reset);
    }

    [Fact]
    public void ResetOn_ResetTimeThatOccursTwice_HappensAtTheFirst()
    {
        // 02:30 occurs twice in Berlin on 2026-10-25: first at +2 (00:30 UTC), then at +1 (01:30 UTC).
        var reset = FeedbackAllowance.ResetOn(Limit("02:30"), new DateOnly(2026, 10, 25));

        Assert.Equal(Utc(2026, 10, 25, 0, 30), reset);
    }

    [Fact]
    public void WindowAt_EveryHourOfAYearInBerlinAndNewYork_HoldsTheInstantAndWindowsTile()
    {
        foreach (var limit in new[] { Limit("00:00"), Limit("02:30"), Limit("23:59", NewYork), Limit("01:30", NewYork) })
        {
            var previous = FeedbackAllowance.WindowAt(limit, Utc(2026, 1, 1, 0));
            for (var at = Utc(2026, 1, 1, 0); at < Utc(2027, 1, 1, 0); at = at.AddMinutes(37))
            {
                var window = FeedbackAllowance.WindowAt(limit, at);
                Assert.True(window.Contains(at), $"{at:o} not in [{window.Start:o}, {window.End:o}) for {limit.ResetsAt} {limit.TimeZone.Id}");
                Assert.InRange((window.End - window.Start).TotalHours, 23, 25);
                Assert.True(window == previous || window.Start == previous.End, $"gap or overlap before {window.Start:o}");
                previous = window;
            }
        }
    }

    [Fact]
    public void UsesHiddenResult_ReportWithAHiddenVerdict_Counts()
    {
        Assert.True(FeedbackAllowance.UsesHiddenResult(Report(TestStatus.Passed, TestStatus.Failed)));
    }

    [Fact]
    public void UsesHiddenResult_GraderError_NeverCounts()
    {
        Assert.False(FeedbackAllowance.UsesHiddenResult(Report(TestStatus.Passed, TestStatus.Error)));
        Assert.False(FeedbackAllowance.UsesHiddenResult(Report(TestStatus.Error, TestStatus.Passed)));
    }

    [Fact]
    public void UsesHiddenResult_RejectedSubmission_DoesNotCount()
    {
        Assert.False(FeedbackAllowance.UsesHiddenResult(Report(TestStatus.Failed, TestStatus.Failed) with { Rejection = "too many files" }));
    }

    [Fact]
    public void UsesHiddenResult_BuildFailedSoEveryHiddenTestIsACompileError_DoesNotCount()
    {
        Assert.False(FeedbackAllowance.UsesHiddenResult(Report(TestStatus.CompileError, TestStatus.CompileError)));
    }

    [Fact]
    public void UsesHiddenResult_NoHiddenTests_DoesNotCount()
    {
        var report = Report(TestStatus.Passed, TestStatus.Failed);
        var visibleOnly = report with { Tests = [report.Tests[0]] };

        Assert.False(FeedbackAllowance.UsesHiddenResult(visibleOnly));
    }

    [Fact]
    public void UsesHiddenResult_AfterDueDateTest_Counts()
    {
        var report = Report(TestStatus.Passed, TestStatus.Passed);
        var later = report with { Tests = [report.Tests[0], report.Tests[1] with { Visibility = Visibility.AfterDueDate }] };

        Assert.True(FeedbackAllowance.UsesHiddenResult(later));
    }

    internal static GradeReport Report(TestStatus visible, TestStatus hidden) => new()
    {
        Assignment = "Hello",
        Slug = "hello",
        Score = (visible == TestStatus.Passed ? 2 : 0) + (hidden == TestStatus.Passed ? 8 : 0),
        MaxScore = 10,
        DurationMs = 100,
        GradedAt = Utc(2026, 12, 2, 10),
        Tests =
        [
            new TestResult { Name = "greets", Status = visible, Score = visible == TestStatus.Passed ? 2 : 0, MaxScore = 2, Visibility = Visibility.Visible, Output = "hello\n" },
            new TestResult { Name = "secret edge case", Status = hidden, Score = hidden == TestStatus.Passed ? 8 : 0, MaxScore = 8, Visibility = Visibility.Hidden },
        ],
        Annotations =
        [
            new Annotation { Path = "hello.py", Line = 2, Title = "greets", Message = "NameError" },
            new Annotation { Path = "hello.py", Line = 9, Title = "secret edge case", Message = "IndexError" },
        ],
        Notes = ["Skipped symlink 'x'."],
    };
}
