using Dapper;
using GitGrader.Core.Reports;
using GitGrader.Storage.Tests.Infrastructure;
using static GitGrader.Storage.Tests.Infrastructure.TestData;

namespace GitGrader.Storage.Tests;

/// <summary>
/// The feedback reservation every store must make, written once and run on SQLite and PostgreSQL:
/// one hidden result per commit, taken in the transaction that saves the result, exact under
/// concurrency, never for a grader error, never twice for the same commit.
/// </summary>
public abstract class FeedbackReservationContractTests : StoreContractTests
{
    private const string Today = "2025-03-01T00:00:00Z";
    private const string Tomorrow = "2025-03-02T00:00:00Z";

    private static FeedbackClaim Claim(string window = Today, int perDay = 3, string student = "octocat", bool spend = true) => new()
    {
        Assignment = "wordcount",
        Student = student,
        WindowKey = window,
        PerDay = perDay,
        Spend = spend,
    };

    private async Task<IngestOutcome> PushAsync(string sha, string student = "octocat")
    {
        var outcome = await Store.IngestAsync(Push(Submission(sha, Clock.GetUtcNow(), student)), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        return outcome;
    }

    private async Task<FeedbackGrant> SaveAsync(IngestOutcome push, FeedbackClaim claim, GradeReport? report = null) =>
        await Store.SaveResultAsync(push.SubmissionId!.Value, push.JobId!.Value, report ?? Report(5), claim, Ct);

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await Database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<long>(sql);
    }

    [Fact]
    public async Task SaveResultAsync_FourPushesWithThreeADay_FirstThreeGranted_FourthSavedButNotGranted()
    {
        var grants = new List<FeedbackGrant>();
        for (var i = 0; i < 4; i++)
        {
            grants.Add(await SaveAsync(await PushAsync($"sha{i}"), Claim()));
        }

        Assert.Equal(
            new[] { new FeedbackGrant(true, 1, false), new FeedbackGrant(true, 2, false), new FeedbackGrant(true, 3, false), new FeedbackGrant(false, 3, false) },
            grants);
        Assert.Equal(4L, await CountAsync("SELECT COUNT(*) FROM results"));
        Assert.Equal(3L, await CountAsync("SELECT COUNT(*) FROM feedback_uses"));
        var scores = Assert.Single(await Store.GetStudentScoresAsync("wordcount", Ct));
        Assert.Equal(4, scores.Attempts);
    }

    [Fact]
    public async Task SaveResultAsync_NextDay_CountsAgainFromOne()
    {
        for (var i = 0; i < 3; i++)
        {
            await SaveAsync(await PushAsync($"sha{i}"), Claim());
        }

        Assert.False((await SaveAsync(await PushAsync("late"), Claim())).Granted);
        var next = await SaveAsync(await PushAsync("morning"), Claim(Tomorrow));

        Assert.Equal(new FeedbackGrant(true, 1, false), next);
    }

    [Fact]
    public async Task SaveResultAsync_SameCommitGradedAgain_UsesNoSecondResult_EvenPastTheLimit()
    {
        var first = await PushAsync("sha0");
        await SaveAsync(first, Claim(perDay: 1));
        var rerun = await Store.IngestAsync(Rerun("course/wordcount-octocat", "sha0", "wordcount", JobKind.Grade, Clock.GetUtcNow()), Ct);

        var again = await SaveAsync(rerun, Claim(perDay: 1));
        var sameJob = await SaveAsync(first, Claim(perDay: 1));

        Assert.Equal(new FeedbackGrant(true, 1, true), again);
        Assert.Equal(new FeedbackGrant(true, 1, true), sameJob);
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM feedback_uses"));
    }

    [Fact]
    public async Task SaveResultAsync_GraderErrorReport_IsRefusedAndTakesNothing()
    {
        var push = await PushAsync("sha0");
        var broken = Report(5) with { Tests = [Report(5).Tests[0] with { Status = TestStatus.Error }] };

        await Assert.ThrowsAsync<ArgumentException>(() => SaveAsync(push, Claim(), broken));

        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM results"));
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM feedback_uses"));
        Assert.Equal(new FeedbackGrant(true, 1, false), await SaveAsync(push, Claim(perDay: 1)));
    }

    [Fact]
    public async Task SaveResultAsync_NothingToSpend_SavesAndIsShownWithoutUsingOne()
    {
        var grant = await SaveAsync(await PushAsync("rejected"), Claim(perDay: 1, spend: false));
        var next = await SaveAsync(await PushAsync("sha1"), Claim(perDay: 1));

        Assert.Equal(new FeedbackGrant(true, 0, false), grant);
        Assert.Equal(new FeedbackGrant(true, 1, false), next);
    }

    [Fact]
    public async Task SaveResultAsync_ZeroADay_NeverGrants()
    {
        Assert.Equal(new FeedbackGrant(false, 0, false), await SaveAsync(await PushAsync("sha0"), Claim(perDay: 0)));
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM feedback_uses"));
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM results"));
    }

    [Fact]
    public async Task SaveResultAsync_StudentsAreCountedApart()
    {
        await SaveAsync(await PushAsync("a0", "alice"), Claim(perDay: 1, student: "alice"));

        Assert.True((await SaveAsync(await PushAsync("b0", "bob"), Claim(perDay: 1, student: "bob"))).Granted);
        Assert.False((await SaveAsync(await PushAsync("a1", "alice"), Claim(perDay: 1, student: "alice"))).Granted);
    }

    [Fact]
    public async Task SaveResultAsync_TwelvePushesSavedAtOnceByFourStoreInstances_ExactlyThreeGranted()
    {
        var pushes = new List<IngestOutcome>();
        for (var i = 0; i < 12; i++)
        {
            pushes.Add(await PushAsync($"sha{i}"));
        }

        var stores = Enumerable.Range(0, 4).Select(_ => Database.CreateStore(Clock)).ToList();
        using var start = new ManualResetEventSlim();
        var saves = pushes.Select((p, i) => Task.Run(async () =>
        {
            start.Wait(Ct);
            return await stores[i % stores.Count].SaveResultAsync(p.SubmissionId!.Value, p.JobId!.Value, Report(5), Claim(), Ct);
        })).ToList();
        start.Set();
        var grants = await Task.WhenAll(saves);

        Assert.Equal(3, grants.Count(g => g.Granted));
        Assert.Equal(new[] { 1, 2, 3 }, grants.Where(g => g.Granted).Select(g => g.Used).Order());
        Assert.Equal(12L, await CountAsync("SELECT COUNT(*) FROM results"));
        Assert.Equal(3L, await CountAsync("SELECT COUNT(*) FROM feedback_uses"));
        Assert.Equal(3L, await CountAsync("SELECT CAST(used AS bigint) FROM feedback_counters"));
    }

    [Fact]
    public async Task SaveResultAsync_OneCommitSavedByTwoJobsAtOnce_TakesOneUse()
    {
        var push = await PushAsync("sha0");
        var rerun = await Store.IngestAsync(Rerun("course/wordcount-octocat", "sha0", "wordcount", JobKind.Grade, Clock.GetUtcNow()), Ct);
        var other = Database.CreateStore(Clock);

        var grants = await Task.WhenAll(
            Task.Run(() => Store.SaveResultAsync(push.SubmissionId!.Value, push.JobId!.Value, Report(5), Claim(), Ct)),
            Task.Run(() => other.SaveResultAsync(rerun.SubmissionId!.Value, rerun.JobId!.Value, Report(5), Claim(), Ct)));

        Assert.All(grants, g => Assert.True(g.Granted));
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM feedback_uses"));
        Assert.Equal(1L, await CountAsync("SELECT CAST(used AS bigint) FROM feedback_counters"));
    }

    [Fact]
    public async Task GetFeedbackGrantAsync_ReadsWhatWasGranted_ReservingNothing()
    {
        var shown = await PushAsync("sha0");
        await SaveAsync(shown, Claim(perDay: 1));
        var withheld = await PushAsync("sha1");
        await SaveAsync(withheld, Claim(perDay: 1));

        Assert.Equal(new FeedbackGrant(true, 1, true), await Store.GetFeedbackGrantAsync(shown.SubmissionId!.Value, Claim(perDay: 1), Ct));
        Assert.Equal(new FeedbackGrant(false, 1, false), await Store.GetFeedbackGrantAsync(withheld.SubmissionId!.Value, Claim(perDay: 1), Ct));
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM feedback_uses"));
    }

    [Fact]
    public async Task MigrateAsync_DatabaseAtVersionOne_GainsTheFeedbackTablesAndKeepsItsResults()
    {
        var push = await PushAsync("sha0");
        await Store.SaveResultAsync(push.SubmissionId!.Value, push.JobId!.Value, Report(5), Ct);
        await using (var connection = await Database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("DROP TABLE feedback_counters; DROP TABLE feedback_uses; DELETE FROM schema_version WHERE version = 2;");
        }

        await Database.CreateStore(Clock).MigrateAsync(Ct);

        Assert.Equal(8L, await CountAsync("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM results"));
        Assert.True((await SaveAsync(await PushAsync("sha1"), Claim())).Granted);
    }
}
