using Dapper;
using GitGrader.Storage.Tests.Infrastructure;
using static GitGrader.Storage.Tests.Infrastructure.TestData;

namespace GitGrader.Storage.Tests;

/// <summary>
/// The reservations that make a job's check run and a pull request's comment one of a kind across
/// processes, written once and run on SQLite and PostgreSQL: one holder at a time, the stored id ends
/// every hold, a hold runs out, a release frees it; exact when many store instances (as many processes)
/// ask at once.
/// </summary>
public abstract class ReportingReservationContractTests : StoreContractTests
{
    private const string Repository = "course/wordcount-octocat";
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    private static void AssertHeldBy(string? holder, Reservation reservation)
    {
        Assert.Equal(ReservationState.HeldElsewhere, reservation.State);
        if (holder is not null)
        {
            Assert.Equal(holder, reservation.Holder);
        }
    }

    private async Task<long> JobAsync(string sha = "a1")
    {
        var outcome = await Store.IngestAsync(Push(Submission(sha, Clock.GetUtcNow())), Ct);
        return outcome.JobId!.Value;
    }

    // ---- check runs

    [Fact]
    public async Task ReserveCheckRunAsync_FirstCallerGranted_SecondHeldElsewhere_HolderAskingAgainStillGranted()
    {
        var job = await JobAsync();

        Assert.Equal(Reservation.Granted, await Store.ReserveCheckRunAsync(job, "serve", Hold, null, Ct));
        AssertHeldBy("serve", await Store.ReserveCheckRunAsync(job, "worker", Hold, null, Ct));
        Assert.Equal(Reservation.Granted, await Store.ReserveCheckRunAsync(job, "serve", Hold, null, Ct));
    }

    [Fact]
    public async Task ReserveCheckRunAsync_ReplacingTheHolderFoundDead_GrantedAtOnce_ReplacingAnotherIsNot()
    {
        var job = await JobAsync();
        await Store.ReserveCheckRunAsync(job, "crashed", Hold, null, Ct);

        AssertHeldBy("crashed", await Store.ReserveCheckRunAsync(job, "worker", Hold, "someone-else", Ct));
        Assert.Equal(Reservation.Granted, await Store.ReserveCheckRunAsync(job, "worker", Hold, "crashed", Ct));
        AssertHeldBy("worker", await Store.ReserveCheckRunAsync(job, "third", Hold, "crashed", Ct));
    }

    [Fact]
    public async Task ReservePullRequestCommentAsync_ReplacingTheHolderFoundDead_GrantedAtOnce()
    {
        await Store.ReservePullRequestCommentAsync(Repository, 3, "crashed", Hold, null, Ct);

        AssertHeldBy("crashed", await Store.ReservePullRequestCommentAsync(Repository, 3, "worker", Hold, null, Ct));
        Assert.Equal(Reservation.Granted, await Store.ReservePullRequestCommentAsync(Repository, 3, "worker", Hold, "crashed", Ct));
    }

    [Fact]
    public async Task ReserveCheckRunAsync_AfterTheHolderStoredTheId_EveryoneGetsThatId()
    {
        var job = await JobAsync();
        await Store.ReserveCheckRunAsync(job, "serve", Hold, null, Ct);

        Assert.Equal(41, await Store.SetCheckRunIdAsync(job, 41, Ct));

        Assert.Equal(Reservation.Exists(41), await Store.ReserveCheckRunAsync(job, "worker", Hold, null, Ct));
        Assert.Equal(Reservation.Exists(41), await Store.ReserveCheckRunAsync(job, "serve", Hold, null, Ct));
        await using var connection = await Database.OpenConnectionAsync();
        Assert.Null(await connection.QuerySingleAsync<string?>("SELECT check_run_holder FROM jobs WHERE id = @Id", new { Id = job }));
    }

    [Fact]
    public async Task ReserveCheckRunAsync_HoldRunsOut_NextCallerGranted_TheOldHolderNoLonger()
    {
        var job = await JobAsync();
        await Store.ReserveCheckRunAsync(job, "crashed", Hold, null, Ct);

        Clock.Advance(Hold - TimeSpan.FromSeconds(1));
        AssertHeldBy(null, await Store.ReserveCheckRunAsync(job, "worker", Hold, null, Ct));
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Reservation.Granted, await Store.ReserveCheckRunAsync(job, "worker", Hold, null, Ct));
        AssertHeldBy(null, await Store.ReserveCheckRunAsync(job, "crashed", Hold, null, Ct));
    }

    [Fact]
    public async Task ReleaseCheckRunAsync_ByTheHolder_FreesIt_ByAnotherChangesNothing()
    {
        var job = await JobAsync();
        await Store.ReserveCheckRunAsync(job, "serve", Hold, null, Ct);

        await Store.ReleaseCheckRunAsync(job, "worker", Ct);
        AssertHeldBy(null, await Store.ReserveCheckRunAsync(job, "other", Hold, null, Ct));
        await Store.ReleaseCheckRunAsync(job, "serve", Ct);
        Assert.Equal(Reservation.Granted, await Store.ReserveCheckRunAsync(job, "worker", Hold, null, Ct));
    }

    [Fact]
    public async Task ReserveCheckRunAsync_UnknownJob_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ReserveCheckRunAsync(999, "serve", Hold, null, Ct));
    }

    [Fact]
    public async Task ReserveCheckRunAsync_SixteenStoreInstancesAtOnce_ExactlyOneGranted()
    {
        var job = await JobAsync();
        var stores = Enumerable.Range(0, 16).Select(_ => Database.CreateStore(Clock)).ToList();

        var answers = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.ReserveCheckRunAsync(job, $"process-{i}", Hold, null, Ct))));

        Assert.Single(answers, a => a == Reservation.Granted);
        Assert.Equal(15, answers.Count(a => a.State == ReservationState.HeldElsewhere));
    }

    [Fact]
    public async Task ListJobsWithoutCheckRunAsync_LeavesOutReportJobs()
    {
        var grade = await JobAsync();
        var report = (await Store.IngestAsync(Rerun(Repository, "a1", "wordcount", JobKind.Report, Clock.GetUtcNow()), Ct)).JobId!.Value;

        var pending = await Store.ListJobsWithoutCheckRunAsync(0, 10, Ct);

        Assert.Equal(grade, Assert.Single(pending).JobId);
        Assert.NotEqual(grade, report);
    }

    // ---- pull request comments

    [Fact]
    public async Task ReservePullRequestCommentAsync_OneHolder_ThenTheSavedIdForEveryone_AndNoHoldLeft()
    {
        Assert.Equal(Reservation.Granted, await Store.ReservePullRequestCommentAsync(Repository, 3, "worker-a", Hold, null, Ct));
        AssertHeldBy(null, await Store.ReservePullRequestCommentAsync(Repository, 3, "worker-b", Hold, null, Ct));
        Assert.Equal(Reservation.Granted, await Store.ReservePullRequestCommentAsync(Repository, 4, "worker-b", Hold, null, Ct));

        await Store.SavePullRequestCommentAsync(Repository, 3, 900, Ct);

        Assert.Equal(Reservation.Exists(900), await Store.ReservePullRequestCommentAsync(Repository, 3, "worker-b", Hold, null, Ct));
        Assert.Equal(900, await Store.GetPullRequestCommentAsync(Repository, 3, Ct));
        await using var connection = await Database.OpenConnectionAsync();
        Assert.Equal(1L, await connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM pull_request_comment_holds"));
    }

    [Fact]
    public async Task ReservePullRequestCommentAsync_HoldRunsOutOrIsReleased_NextCallerGranted()
    {
        await Store.ReservePullRequestCommentAsync(Repository, 3, "crashed", Hold, null, Ct);
        Clock.Advance(Hold);
        Assert.Equal(Reservation.Granted, await Store.ReservePullRequestCommentAsync(Repository, 3, "worker", Hold, null, Ct));

        await Store.ReleasePullRequestCommentAsync(Repository, 3, "crashed", Ct);
        AssertHeldBy(null, await Store.ReservePullRequestCommentAsync(Repository, 3, "other", Hold, null, Ct));
        await Store.ReleasePullRequestCommentAsync(Repository, 3, "worker", Ct);
        Assert.Equal(Reservation.Granted, await Store.ReservePullRequestCommentAsync(Repository, 3, "other", Hold, null, Ct));
    }

    [Fact]
    public async Task ReservePullRequestCommentAsync_SixteenStoreInstancesAtOnce_ExactlyOneGranted()
    {
        var stores = Enumerable.Range(0, 16).Select(_ => Database.CreateStore(Clock)).ToList();

        var answers = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.ReservePullRequestCommentAsync(Repository, 7, $"process-{i}", Hold, null, Ct))));

        Assert.Single(answers, a => a == Reservation.Granted);
        Assert.Equal(15, answers.Count(a => a.State == ReservationState.HeldElsewhere));
    }

    [Fact]
    public async Task MigrateAsync_DatabaseAtVersionTwo_GainsTheReservationsAndKeepsItsCheckRunIds()
    {
        var job = await JobAsync();
        await Store.SetCheckRunIdAsync(job, 55, Ct);
        await using (var connection = await Database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "DROP TABLE pull_request_comment_holds; ALTER TABLE jobs DROP COLUMN check_run_holder; ALTER TABLE jobs DROP COLUMN check_run_held_until; DELETE FROM schema_version WHERE version = 3;");
        }

        await Database.CreateStore(Clock).MigrateAsync(Ct);

        Assert.Equal(Reservation.Exists(55), await Store.ReserveCheckRunAsync(job, "worker", Hold, null, Ct));
        Assert.Equal(Reservation.Granted, await Store.ReservePullRequestCommentAsync(Repository, 1, "worker", Hold, null, Ct));
    }
}
