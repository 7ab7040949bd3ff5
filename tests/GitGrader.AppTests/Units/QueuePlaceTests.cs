using GitGrader.Reporting;

namespace GitGrader.AppTests.Units;

/// <summary>What a queued check run says of its place: steps that change a handful of times, and a rough wait.</summary>
public sealed class QueuePlaceTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(0, 0, "Queued: next in line")]
    [InlineData(3, 3, "Queued: 3 ahead of you")]
    [InlineData(5, 5, "Queued: 5 ahead of you")]
    [InlineData(9, 5, "Queued: 5 ahead of you")]
    [InlineData(37, 20, "Queued: 20+ ahead of you")]
    [InlineData(50, 50, "Queued: 50+ ahead of you")]
    [InlineData(999, 500, "Queued: 500+ ahead of you")]
    [InlineData(12_000, 5000, "Queued: 5000+ ahead of you")]
    public void Of_RoundsDownToItsStep(int ahead, int step, string title)
    {
        var place = QueuePlace.Of(ahead, running: 2, finished: 60, Window);

        Assert.Equal(step, place.Ahead);
        Assert.Equal(title, place.Title);
    }

    [Fact]
    public void Wait_IsTheJobsBeforeItAndRunningOverTheRecentPace()
    {
        // 120 ended in 5 minutes: 2.5 s each; 37 ahead and 2 running, then itself: 40 × 2.5 s = 100 s.
        var place = QueuePlace.Of(37, running: 2, finished: 120, Window);

        Assert.Equal(TimeSpan.FromSeconds(100), place.Wait);
        Assert.Contains("about 100 s from now", place.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Wait_LongerThanTwoMinutes_InWholeMinutes_ShorterThanTenSeconds_TenSeconds()
    {
        Assert.Equal(TimeSpan.FromMinutes(9), QueuePlace.Of(499, running: 0, finished: 300, Window).Wait);
        Assert.Contains("about 9 min", QueuePlace.Of(499, running: 0, finished: 300, Window).Summary, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(10), QueuePlace.Of(0, running: 0, finished: 300, Window).Wait);
    }

    [Fact]
    public void Wait_NothingEndedLately_NoEstimate()
    {
        var place = QueuePlace.Of(4, running: 1, finished: 0, Window);

        Assert.Null(place.Wait);
        Assert.DoesNotContain("about", place.Summary, StringComparison.Ordinal);
        Assert.Contains("You do not need to push again", place.Summary, StringComparison.Ordinal);
    }
}
