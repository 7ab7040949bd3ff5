using System.Collections.Concurrent;
using Dapper;
using GitGrader.Core.Reports;
using GitGrader.Storage.Sql;
using GitGrader.Storage.Tests.Infrastructure;
using static GitGrader.Storage.Tests.Infrastructure.TestData;

namespace GitGrader.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="IGradingStore"/> must have, written once and run against each
/// store by the derived classes. Each test gets its own empty, migrated database.
/// </summary>
public abstract class GradingStoreContractTests : StoreContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected async Task<T> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    private async Task<IngestOutcome> PushAsync(string sha, string student = "octocat", string? branch = "main", string assignment = "wordcount", bool supersedes = true)
    {
        var outcome = await Store.IngestAsync(Push(Submission(sha, Clock.GetUtcNow(), student, assignment, branch), supersedesOlder: supersedes), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        return outcome;
    }

    // ---- migrations

    [Fact]
    public async Task MigrateAsync_RunTwiceAndByASecondInstance_AppliesEachScriptOnce()
    {
        await Store.MigrateAsync(Ct);
        await Database.CreateStore(Clock).MigrateAsync(Ct);

        Assert.Equal(8L, await QueryAsync<long>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(8L, await QueryAsync<long>("SELECT MAX(version) FROM schema_version"));
        var outcome = await PushAsync("a1");
        Assert.NotNull(outcome.JobId);
    }

    [Fact]
    public async Task MigrateAsync_FourInstancesAtOnceOnAnEmptyDatabase_AllSucceedAndApplyOnce()
    {
        var database = await NewDatabaseAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => database.CreateStore(Clock)).ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync(Ct))));

        await using var connection = await database.OpenConnectionAsync();
        Assert.Equal(8L, await connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(0, (await stores[3].GetQueueStatsAsync(Ct)).Queued);
    }

    // ---- ingest

    [Fact]
    public async Task IngestAsync_NewPush_RecordsSubmissionAndQueuesOneGradeJob()
    {
        var receivedAt = new DateTimeOffset(2025, 3, 1, 13, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567);

        var outcome = await Store.IngestAsync(Push(Submission("abc123", receivedAt, branch: "feature/x")), Ct);

        Assert.False(outcome.Duplicate);
        Assert.NotNull(outcome.SubmissionId);
        Assert.NotNull(outcome.JobId);
        Assert.Empty(outcome.SupersededJobIds);
        var submission = await Store.FindSubmissionAsync("course/wordcount-octocat", "abc123", "wordcount", Ct);
        Assert.NotNull(submission);
        Assert.Equal(outcome.SubmissionId, submission.Id);
        Assert.Equal("octocat", submission.Student);
        Assert.Equal(4242, submission.InstallationId);
        Assert.Equal("feature/x", submission.Branch);
        // Same instant, kept to the microsecond, returned in UTC.
        Assert.Equal(receivedAt.AddTicks(-7), submission.ReceivedAt);
        Assert.Equal(TimeSpan.Zero, submission.ReceivedAt.Offset);
        Assert.Equal(new QueueStats(1, 0, 0, 0), await Store.GetQueueStatsAsync(Ct));
        Assert.Equal("grade", await QueryAsync<string>("SELECT kind FROM jobs WHERE id = @Id", new { Id = outcome.JobId }));
    }

    [Fact]
    public async Task IngestAsync_RepeatedDeliveryId_ReturnsSeenAndRecordsNothing()
    {
        var first = await Store.IngestAsync(Push(Submission("a1", Start), deliveryId: "delivery-1"), Ct);

        var again = await Store.IngestAsync(Push(Submission("b2", Start.AddMinutes(1)), deliveryId: "delivery-1"), Ct);

        Assert.NotNull(first.JobId);
        Assert.Same(IngestOutcome.Seen, again);
        Assert.True(again.Duplicate);
        Assert.Null(await Store.FindSubmissionAsync("course/wordcount-octocat", "b2", "wordcount", Ct));
        Assert.Equal(1L, await QueryAsync<long>("SELECT COUNT(*) FROM deliveries"));
        Assert.Equal(new QueueStats(1, 0, 0, 0), await Store.GetQueueStatsAsync(Ct));
    }

    [Fact]
    public async Task IngestAsync_SecondDeliveryForSameCommit_ReusesSubmissionAndQueuesNoJob()
    {
        var first = await Store.IngestAsync(Push(Submission("a1", Start)), Ct);

        var second = await Store.IngestAsync(Push(Submission("a1", Start.AddMinutes(3))), Ct);

        Assert.False(second.Duplicate);
        Assert.Equal(first.SubmissionId, second.SubmissionId);
        Assert.Null(second.JobId);
        Assert.Empty(second.SupersededJobIds);
        Assert.Equal(new QueueStats(1, 0, 0, 0), await Store.GetQueueStatsAsync(Ct));
        // The submission keeps the time of the first delivery.
        Assert.Equal(Start, (await Store.FindSubmissionAsync("course/wordcount-octocat", "a1", "wordcount", Ct))!.ReceivedAt);
    }

    [Fact]
    public async Task IngestAsync_ConcurrentDeliveriesOfOneCommit_OneSubmissionAndOneJob()
    {
        var second = Database.CreateStore(Clock);
        var requests = Enumerable.Range(0, 8).Select(i => Push(Submission("a1", Start.AddMilliseconds(i)))).ToList();

        var outcomes = await Task.WhenAll(requests.Select((r, i) => Task.Run(() => (i % 2 == 0 ? Store : second).IngestAsync(r, Ct))));

        Assert.Single(outcomes.Select(o => o.SubmissionId).Distinct());
        Assert.Single(outcomes, o => o.JobId is not null);
        Assert.All(outcomes, o => Assert.False(o.Duplicate));
        Assert.Equal(new QueueStats(1, 0, 0, 0), await Store.GetQueueStatsAsync(Ct));
    }

    [Fact]
    public async Task IngestAsync_ConcurrentRedeliveriesOfOneDelivery_OnlyOneIsRecorded()
    {
        var second = Database.CreateStore(Clock);
        var request = Push(Submission("a1", Start), deliveryId: "same-delivery");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? Store : second).IngestAsync(request, Ct))));

        Assert.Single(outcomes, o => !o.Duplicate);
        Assert.Equal(7, outcomes.Count(o => o.Duplicate));
        Assert.Equal(new QueueStats(1, 0, 0, 0), await Store.GetQueueStatsAsync(Ct));
    }

    [Fact]
    public async Task IngestAsync_SameCommitForAnotherAssignment_IsAnotherSubmission()
    {
        var first = await Store.IngestAsync(Push(Submission("a1", Start, repository: "course/shared")), Ct);
        var second = await Store.IngestAsync(Push(Submission("a1", Start, assignment: "fizzbuzz", repository: "course/shared")), Ct);

        Assert.NotEqual(first.SubmissionId, second.SubmissionId);
        Assert.NotNull(second.JobId);
    }

    [Theory]
    [InlineData(JobKind.Grade, "grade")]
    [InlineData(JobKind.Report, "report")]
    public async Task IngestAsync_ExistingSubmissionJob_QueuesJobOfThatKind(JobKind kind, string stored)
    {
        var push = await PushAsync("a1");

        var rerun = await Store.IngestAsync(Rerun("course/wordcount-octocat", "a1", "wordcount", kind, Clock.GetUtcNow()), Ct);

        Assert.False(rerun.Duplicate);
        Assert.Equal(push.SubmissionId, rerun.SubmissionId);
        Assert.NotNull(rerun.JobId);
        Assert.NotEqual(push.JobId, rerun.JobId);
        Assert.Equal(stored, await QueryAsync<string>("SELECT kind FROM jobs WHERE id = @Id", new { Id = rerun.JobId }));
        Assert.Equal(new QueueStats(2, 0, 0, 0), await Store.GetQueueStatsAsync(Ct));
    }

    [Fact]
    public async Task IngestAsync_ExistingSubmissionJobForUnknownCommit_RecordsOnlyTheDelivery()
    {
        var outcome = await Store.IngestAsync(Rerun("course/wordcount-octocat", "nope", "wordcount", JobKind.Grade, Start, "d-1"), Ct);
        var again = await Store.IngestAsync(Rerun("course/wordcount-octocat", "nope", "wordcount", JobKind.Grade, Start, "d-1"), Ct);

        Assert.False(outcome.Duplicate);
        Assert.Null(outcome.SubmissionId);
        Assert.Null(outcome.JobId);
        Assert.Empty(outcome.SupersededJobIds);
        Assert.True(again.Duplicate);
        Assert.Equal(new QueueStats(0, 0, 0, 0), await Store.GetQueueStatsAsync(Ct));
    }

    [Fact]
    public async Task IngestAsync_DeliveryWithNothingToGrade_RecordsDeliverySoARedeliveryIsSeen()
    {
        var request = new IngestRequest { Delivery = new IncomingDelivery("ping-1", "ping", Start) };

        var first = await Store.IngestAsync(request, Ct);
        var second = await Store.IngestAsync(request, Ct);

        Assert.False(first.Duplicate);
        Assert.Null(first.SubmissionId);
        Assert.True(second.Duplicate);
        Assert.Equal("ping", await QueryAsync<string>("SELECT event FROM deliveries WHERE id = 'ping-1'"));
    }

    [Fact]
    public async Task IngestAsync_SupersedesOlder_MarksOnlyQueuedGradeJobsOfSameRepositoryBranchAndAssignment()
    {
        var older = await PushAsync("a1");
        var olderStill = await PushAsync("a0");
        var otherBranch = await PushAsync("b1", branch: "dev");
        var otherAssignment = await PushAsync("c1", assignment: "fizzbuzz");
        var otherStudent = await PushAsync("d1", student: "hubot");
        var report = await Store.IngestAsync(Rerun("course/wordcount-octocat", "a1", "wordcount", JobKind.Report, Clock.GetUtcNow()), Ct);

        var newest = await PushAsync("a2");

        Assert.Equal(new[] { older.JobId!.Value, olderStill.JobId!.Value }, newest.SupersededJobIds);
        foreach (var untouched in new[] { otherBranch, otherAssignment, otherStudent, report, newest })
        {
            Assert.Equal(0L, await QueryAsync<long>("SELECT COUNT(*) FROM jobs WHERE id = @Id AND superseded_by_submission_id IS NOT NULL", new { Id = untouched.JobId }));
        }

        // Superseded jobs stay claimable: the worker concludes them as skipped, naming the newer commit.
        var claimed = await Store.ClaimNextJobAsync("w1", Lease, Ct);
        Assert.NotNull(claimed);
        Assert.Equal(older.JobId, claimed.Id);
        Assert.Equal(new SupersededBy(newest.SubmissionId!.Value, "a2"), claimed.SupersededBy);
        Assert.Equal(new QueueStats(6, 1, 0, 0), await Store.GetQueueStatsAsync(Ct));
    }

    [Fact]
    public async Task IngestAsync_ThirdPush_RepointsEverySupersededJobAtTheNewest()
    {
        var first = await PushAsync("a1");
        var second = await PushAsync("a2");

        var third = await PushAsync("a3");

        Assert.Equal(new[] { first.JobId!.Value, second.JobId!.Value }, third.SupersededJobIds);
        var claimed = await Store.ClaimNextJobAsync("w1", Lease, Ct);
        Assert.Equal("a3", claimed!.SupersededBy!.Sha);
    }

    [Fact]
    public async Task IngestAsync_SupersedesOlder_NeverTouchesARunningJob()
    {
        var older = await PushAsync("a1");
        var running = await Store.ClaimNextJobAsync("w1", Lease, Ct);

        var newer = await PushAsync("a2");

        Assert.Equal(older.JobId, running!.Id);
        Assert.Empty(newer.SupersededJobIds);
        Assert.Equal(0L, await QueryAsync<long>("SELECT COUNT(*) FROM jobs WHERE superseded_by_submission_id IS NOT NULL"));
    }

    [Fact]
    public async Task IngestAsync_WithoutSupersedesOlderOrWithoutBranch_LeavesOlderJobsAlone()
    {
        await PushAsync("a1");
        var pullRequest = await PushAsync("a2", supersedes: false);
        await PushAsync("n1", branch: null);
        var detached = await PushAsync("n2", branch: null);

        Assert.Empty(pullRequest.SupersededJobIds);
        Assert.Empty(detached.SupersededJobIds);
        Assert.Equal(0L, await QueryAsync<long>("SELECT COUNT(*) FROM jobs WHERE superseded_by_submission_id IS NOT NULL"));
    }

    [Fact]
    public async Task FindSubmissionAsync_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.FindSubmissionAsync("course/x", "0000", "wordcount", Ct));
    }

    // ---- regrades

    [Fact]
    public async Task QueueRegradesAsync_EverySubmissionOnce_KeepingItsCheckRun_AndNotTwice()
    {
        var a1 = await PushAsync("a1", student: "s1");
        var a2 = await PushAsync("a2", student: "s1");
        var b1 = await PushAsync("b1", student: "s2");
        await Store.SetCheckRunIdAsync(a1.JobId!.Value, 101, Ct);
        foreach (var _ in new[] { a1, a2, b1 })
        {
            var job = await Store.ClaimNextJobAsync("w", Lease, Ct);
            await Store.CompleteJobAsync(job!.Id, "w", Ct);
        }

        var first = await Store.QueueRegradesAsync("wordcount", null, latestOnly: false, Ct);
        var again = await Store.QueueRegradesAsync("wordcount", null, latestOnly: false, Ct);

        Assert.Equal(new RegradeOutcome(3, 0), first);
        Assert.Equal(new RegradeOutcome(0, 3), again);
        var regraded = new List<ClaimedJob>();
        while (await Store.ClaimNextJobAsync("w", Lease, Ct) is { } job)
        {
            regraded.Add(job);
        }

        Assert.Equal(["a1", "a2", "b1"], regraded.Select(j => j.Submission.Sha));
        Assert.Equal(101, regraded[0].CheckRunId);
        Assert.All(regraded, j => Assert.Equal(JobKind.Grade, j.Kind));
    }

    [Fact]
    public async Task QueueRegradesAsync_LatestOnlyAndOneStudent()
    {
        await PushAsync("a1", student: "s1");
        await PushAsync("a2", student: "s1");
        await PushAsync("b1", student: "s2");
        await PushAsync("c1", student: "s3", assignment: "other");
        while (await Store.ClaimNextJobAsync("w", Lease, Ct) is { } job)
        {
            await Store.CompleteJobAsync(job.Id, "w", Ct);
        }

        Assert.Equal(new RegradeOutcome(1, 0), await Store.QueueRegradesAsync("wordcount", "s1", latestOnly: true, Ct));
        Assert.Equal("a2", (await Store.ClaimNextJobAsync("w", Lease, Ct))!.Submission.Sha);
        Assert.Equal(new RegradeOutcome(1, 0), await Store.QueueRegradesAsync("wordcount", "s2", latestOnly: false, Ct));
        Assert.Equal(new RegradeOutcome(0, 0), await Store.QueueRegradesAsync("wordcount", "nobody", latestOnly: false, Ct));
    }

    [Fact]
    public async Task ClaimNextJobAsync_ALivePushQueuedAfterRegrades_IsClaimedFirst()
    {
        for (var i = 0; i < 5; i++)
        {
            await PushAsync($"old{i}", student: $"s{i}");
        }

        while (await Store.ClaimNextJobAsync("w", Lease, Ct) is { } job)
        {
            await Store.CompleteJobAsync(job.Id, "w", Ct);
        }

        await Store.QueueRegradesAsync("wordcount", null, latestOnly: false, Ct);
        var live = await PushAsync("new0", student: "late");

        var first = await Store.ClaimNextJobAsync("w", Lease, Ct);
        var second = await Store.ClaimNextJobAsync("w", Lease, Ct);

        Assert.Equal(live.JobId, first!.Id);
        Assert.Equal("old0", second!.Submission.Sha);
    }

    [Fact]
    public async Task GetQueueLineAsync_InClaimOrder_LivePushesBeforeRegrades_WithWhatRunsAndWhatEndedLately()
    {
        await PushAsync("a1", student: "s1");
        await PushAsync("b1", student: "s2");
        while (await Store.ClaimNextJobAsync("w", Lease, Ct) is { } job)
        {
            await Store.CompleteJobAsync(job.Id, "w", Ct);
        }

        await Store.QueueRegradesAsync("wordcount", null, latestOnly: false, Ct);
        var live = await PushAsync("c1", student: "s3");
        await PushAsync("d1", student: "s4");
        var running = await Store.ClaimNextJobAsync("w", Lease, Ct);

        var line = await Store.GetQueueLineAsync(10, TimeSpan.FromMinutes(5), Ct);

        Assert.Equal(live.JobId, running!.Id);
        Assert.Equal(["d1", "a1", "b1"], line.Waiting.Select(j => j.Submission.Sha));
        Assert.Equal((1, 2), (line.Running, line.FinishedRecently));
        Assert.Equal(0, (await Store.GetQueueLineAsync(10, TimeSpan.FromSeconds(1), Ct)).FinishedRecently);
    }

    [Fact]
    public async Task IngestAsync_ANewPush_DoesNotSupersedeARegradeOfAnOlderCommit()
    {
        await PushAsync("a1");
        var claimed = await Store.ClaimNextJobAsync("w", Lease, Ct);
        await Store.CompleteJobAsync(claimed!.Id, "w", Ct);
        await Store.QueueRegradesAsync("wordcount", null, latestOnly: false, Ct);

        var newer = await PushAsync("a2");

        Assert.Empty(newer.SupersededJobIds);
        var live = await Store.ClaimNextJobAsync("w", Lease, Ct);
        var regrade = await Store.ClaimNextJobAsync("w", Lease, Ct);
        Assert.Equal(("a2", "a1"), (live!.Submission.Sha, regrade!.Submission.Sha));
        Assert.Null(regrade.SupersededBy);
    }

    // ---- deliveries never received, asked for again

    [Fact]
    public async Task ListUnknownDeliveriesAsync_ReturnsOnlyTheIdsNeverRecorded()
    {
        var received = NewDeliveryId();
        await Store.IngestAsync(Push(Submission("a1", Clock.GetUtcNow()), deliveryId: received), Ct);
        var missed = NewDeliveryId();

        Assert.Equal([missed], await Store.ListUnknownDeliveriesAsync([received, missed, missed], Ct));
        Assert.Empty(await Store.ListUnknownDeliveriesAsync([], Ct));
    }

    [Fact]
    public async Task ClaimRedeliveryAsync_OnceThenAgainAfterThePause_AtMostMaxAsksTimes()
    {
        var id = NewDeliveryId();
        var pause = TimeSpan.FromMinutes(10);
        var first = Clock.GetUtcNow() - TimeSpan.FromMinutes(3);

        Assert.True(await Store.ClaimRedeliveryAsync(id, "push", first, pause, 2, Ct));
        Assert.False(await Database.CreateStore(Clock).ClaimRedeliveryAsync(id, "push", first, pause, 2, Ct));
        Clock.Advance(pause);
        Assert.True(await Store.ClaimRedeliveryAsync(id, "push", first, pause, 2, Ct));
        Clock.Advance(pause);
        Assert.False(await Store.ClaimRedeliveryAsync(id, "push", first, pause, 2, Ct));
    }

    [Fact]
    public async Task IngestAsync_ADeliveryAskedForAgain_IsRecordedWithGitHubsFirstAttemptAndMarkedRecovered()
    {
        var id = NewDeliveryId();
        var firstAttempt = Clock.GetUtcNow() - TimeSpan.FromHours(2);
        await Store.ClaimRedeliveryAsync(id, "push", firstAttempt, TimeSpan.FromMinutes(10), 3, Ct);
        var normal = await PushAsync("b1", student: "s2");

        var outcome = await Store.IngestAsync(Push(Submission("a1", Clock.GetUtcNow()), deliveryId: id), Ct);
        var claimed = await Store.ClaimNextJobAsync("w", Lease, Ct);
        var recovered = await Store.ClaimNextJobAsync("w", Lease, Ct);

        Assert.NotNull(outcome.JobId);
        Assert.False(claimed!.Submission.Recovered);
        Assert.Equal(normal.JobId, claimed.Id);
        Assert.True(recovered!.Submission.Recovered);
        Assert.Equal(StoreTime.Normalize(firstAttempt), recovered.Submission.ReceivedAt);
        var score = (await Store.GetStudentScoresAsync("wordcount", Ct)).Single(s => s.Student == "octocat");
        Assert.True(score.LatestRecovered);
        Assert.Equal(StoreTime.Normalize(firstAttempt), score.LatestReceivedAt);
    }

    [Fact]
    public async Task IngestAsync_AHeadFoundBySweep_KeepsGitHubsPushTimeAndIsMarkedRecovered()
    {
        var pushedAt = Clock.GetUtcNow() - TimeSpan.FromHours(5);

        var outcome = await Store.IngestAsync(Push(Submission("c1", pushedAt) with { Recovered = true }, deliveryId: "sweep:course/wordcount-octocat@c1"), Ct);
        var again = await Store.IngestAsync(Push(Submission("c1", pushedAt) with { Recovered = true }, deliveryId: "sweep:course/wordcount-octocat@c1"), Ct);

        Assert.NotNull(outcome.JobId);
        Assert.True(again.Duplicate);
        var claimed = await Store.ClaimNextJobAsync("w", Lease, Ct);
        Assert.True(claimed!.Submission.Recovered);
        Assert.Equal(StoreTime.Normalize(pushedAt), claimed.Submission.ReceivedAt);
        Assert.Null(await Store.ClaimNextJobAsync("w", Lease, Ct));
    }

    [Fact]
    public async Task ListKnownRepositoriesAsync_GivesEachRepositoryAndAssignmentOnceWithItsLatestInstallation()
    {
        Assert.Empty(await Store.ListKnownRepositoriesAsync(Ct));
        await PushAsync("a1", student: "ada");
        await PushAsync("a2", student: "ada");
        await PushAsync("b1", student: "bob");
        await PushAsync("b2", student: "bob", assignment: "hangman");
        await Store.IngestAsync(Push(Submission("a3", Clock.GetUtcNow(), "ada") with { InstallationId = 99 }), Ct);

        var known = await Store.ListKnownRepositoriesAsync(Ct);

        Assert.Equal(
            [
                new KnownRepository("course/hangman-bob", "hangman", "bob", 4242),
                new KnownRepository("course/wordcount-ada", "wordcount", "ada", 99),
                new KnownRepository("course/wordcount-bob", "wordcount", "bob", 4242),
            ],
            known);
    }

    // ---- check runs

    [Fact]
    public async Task ListJobsWithoutCheckRunAsync_ReturnsQueuedJobsWithoutCheckRun_OldestFirst_UpToLimit()
    {
        var first = await PushAsync("a1", student: "s1");
        var second = await PushAsync("a2", student: "s2");
        var third = await PushAsync("a3", student: "s3");
        var fourth = await PushAsync("a4", student: "s4");
        await Store.SetCheckRunIdAsync(second.JobId!.Value, 77, Ct);
        await Store.ClaimNextJobAsync("w1", Lease, Ct); // first → running

        var pending = await Store.ListJobsWithoutCheckRunAsync(0, 10, Ct);
        var limited = await Store.ListJobsWithoutCheckRunAsync(0, 1, Ct);
        var afterThird = await Store.ListJobsWithoutCheckRunAsync(third.JobId!.Value, 10, Ct);

        Assert.Equal(new[] { third.JobId!.Value, fourth.JobId!.Value }, pending.Select(p => p.JobId));
        Assert.Equal("a3", pending[0].Submission.Sha);
        Assert.Equal("s3", pending[0].Submission.Student);
        Assert.Equal(third.SubmissionId, pending[0].Submission.Id);
        Assert.Equal(third.JobId, Assert.Single(limited).JobId);
        Assert.NotEqual(first.JobId, pending[0].JobId);
        Assert.Equal(fourth.JobId, Assert.Single(afterThird).JobId);
    }

    [Fact]
    public async Task SetCheckRunIdAsync_Twice_KeepsTheFirstAndReturnsIt()
    {
        var push = await PushAsync("a1");

        var first = await Store.SetCheckRunIdAsync(push.JobId!.Value, 100, Ct);
        var second = await Store.SetCheckRunIdAsync(push.JobId!.Value, 200, Ct);

        Assert.Equal(100, first);
        Assert.Equal(100, second);
        var claimed = await Store.ClaimNextJobAsync("w1", Lease, Ct);
        Assert.Equal(100, claimed!.CheckRunId);
    }

    [Fact]
    public async Task SetCheckRunIdAsync_ConcurrentCallers_AllSeeTheSameId()
    {
        var push = await PushAsync("a1");

        var ids = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => Store.SetCheckRunIdAsync(push.JobId!.Value, i, Ct))));

        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task SetCheckRunIdAsync_UnknownJob_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.SetCheckRunIdAsync(999, 1, Ct));
    }

    // ---- claims and leases

    [Fact]
    public async Task ClaimNextJobAsync_EmptyQueue_ReturnsNull()
    {
        Assert.Null(await Store.ClaimNextJobAsync("w1", Lease, Ct));
    }

    [Fact]
    public async Task ClaimNextJobAsync_TakesOldestFirst_CountsTheAttempt_SetsTheLease()
    {
        var first = await PushAsync("a1", student: "s1");
        var second = await PushAsync("a2", student: "s2");
        var now = Clock.GetUtcNow();

        var claimed = await Store.ClaimNextJobAsync("worker-a", Lease, Ct);
        var next = await Store.ClaimNextJobAsync("worker-b", Lease, Ct);
        var none = await Store.ClaimNextJobAsync("worker-c", Lease, Ct);

        Assert.NotNull(claimed);
        Assert.Equal(first.JobId, claimed.Id);
        Assert.Equal(JobKind.Grade, claimed.Kind);
        Assert.Equal(1, claimed.Attempt);
        Assert.Equal("worker-a", claimed.LeaseOwner);
        Assert.Equal(now + Lease, claimed.LeaseExpiresAt);
        Assert.Null(claimed.CheckRunId);
        Assert.Null(claimed.SupersededBy);
        Assert.Equal("a1", claimed.Submission.Sha);
        Assert.Equal("course/wordcount-s1", claimed.Submission.Repository);
        Assert.Equal(4242, claimed.Submission.InstallationId);
        Assert.Equal(second.JobId, next!.Id);
        Assert.Null(none);
        Assert.Equal(new QueueStats(0, 2, 0, 0), await Store.GetQueueStatsAsync(Ct));
    }

    [Fact]
    public async Task ClaimNextJobAsync_ReportJob_CarriesItsKind()
    {
        await PushAsync("a1");
        var first = await Store.ClaimNextJobAsync("w1", Lease, Ct);
        await Store.CompleteJobAsync(first!.Id, "w1", Ct);
        await Store.IngestAsync(Rerun("course/wordcount-octocat", "a1", "wordcount", JobKind.Report, Clock.GetUtcNow()), Ct);

        var report = await Store.ClaimNextJobAsync("w1", Lease, Ct);

        Assert.Equal(JobKind.Report, report!.Kind);
        Assert.Equal("a1", report.Submission.Sha);
    }

    [Fact]
    public async Task RetryJobAsync_RequeuesWithErrorAndIsNotClaimableBeforeNotBefore()
    {
        var push = await PushAsync("a1");
        var claimed = await Store.ClaimNextJobAsync("w1", Lease, Ct);

        await Store.RetryJobAsync(claimed!.Id, "w1", "docker: connection refused", Clock.GetUtcNow().AddMinutes(1), countsAsFailure: true, Ct);

        Assert.Equal(new QueueStats(1, 0, 0, 0), await Store.GetQueueStatsAsync(Ct));
        Assert.Equal("docker: connection refused", await QueryAsync<string>("SELECT last_error FROM jobs WHERE id = @Id", new { Id = push.JobId }));
        Assert.Null(await Store.ClaimNextJobAsync("w2", Lease, Ct));
        Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Null(await Store.ClaimNextJobAsync("w2", Lease, Ct));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var again = await Store.ClaimNextJobAsync("w2", Lease, Ct);
        Assert.Equal(push.JobId, again!.Id);
        Assert.Equal(2, again.Attempt);
        Assert.Equal(1, again.Failures);
        Assert.Equal(Start, again.CreatedAt);
    }

    [Fact]
    public async Task RetryJobAsync_AnOutage_CountsTheTryButNotAFailure()
    {
        await PushAsync("a1");
        var claimed = await Store.ClaimNextJobAsync("w1", Lease, Ct);

        await Store.RetryJobAsync(claimed!.Id, "w1", "GitHub answered 503", Clock.GetUtcNow(), countsAsFailure: false, Ct);
        var again = await Store.ClaimNextJobAsync("w1", Lease, Ct);
        await Store.RetryJobAsync(again!.Id, "w1", "test ended in a grader error", Clock.GetUtcNow(), countsAsFailure: true, Ct);
        var third = await Store.ClaimNextJobAsync("w1", Lease, Ct);

        Assert.Equal((0, 2, 0), (claimed.Failures, again.Attempt, again.Failures));
        Assert.Equal((3, 1), (third!.Attempt, third.Failures));
    }

    [Fact]
    public async Task RetryJobAsync_WaitingJob_DoesNotBlockLaterJobs()
    {
        var first = await PushAsync("a1", student: "s1");
        var second = await PushAsync("a2", student: "s2");
        var claimed = await Store.ClaimNextJobAsync("w1", Lease, Ct);
        await Store.RetryJobAsync(claimed!.Id, "w1", "boom", Clock.GetUtcNow().AddMinutes(10), countsAsFailure: true, Ct);

        var next = await Store.ClaimNextJobAsync("w1", Lease, Ct);

        Assert.Equal(first.JobId, claimed.Id);
        Assert.Equal(second.JobId, next!.Id);
    }

    [Fact]
    public async Task CompleteAndFailJobAsync_ByTheOwner_EndTheJob()
    {
        await PushAsync("a1", student: "s1");
        await PushAsync("a2", student: "s2");
        var done = await Store.ClaimNextJobAsync("w1", Lease, Ct);
        var failed = await Store.ClaimNextJobAsync("w1", Lease, Ct);

        await Store.CompleteJobAsync(done!.Id, "w1", Ct);
        await Store.FailJobAsync(failed!.Id, "w1", "gave up after 5 attempts", Ct);

        Assert.Equal(new QueueStats(0, 0, 1, 1), await Store.GetQueueStatsAsync(Ct));
        Assert.Equal("gave up after 5 attempts", await QueryAsync<string>("SELECT last_error FROM jobs WHERE id = @Id", new { failed.Id }));
        Assert.Equal(0L, await QueryAsync<long>("SELECT COUNT(*) FROM jobs WHERE lease_owner IS NOT NULL OR lease_expires_at IS NOT NULL"));
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(await Store.ClaimNextJobAsync("w2", Lease, Ct));
    }

    [Fact]
    public async Task ClaimNextJobAsync_ExpiredLease_IsReclaimedWithTheNextAttempt()
    {
        var push = await PushAsync("a1");
        await Store.ClaimNextJobAsync("crashed", Lease, Ct);
        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Null(await Store.ClaimNextJobAsync("w2", Lease, Ct));

        Clock.Advance(TimeSpan.FromSeconds(1));
        var reclaimed = await Store.ClaimNextJobAsync("w2", Lease, Ct);

        Assert.Equal(push.JobId, reclaimed!.Id);
        Assert.Equal(2, reclaimed.Attempt);
        Assert.Equal("w2", reclaimed.LeaseOwner);
        Assert.Equal(Clock.GetUtcNow() + Lease, reclaimed.LeaseExpiresAt);
    }

    [Fact]
    public async Task ListLeaseOwnersAsync_NamesEachWorkerHoldingARunningJobOnce()
    {
        await PushAsync("a1", student: "s1");
        await PushAsync("a2", student: "s2");
        await PushAsync("a3", student: "s3");
        await PushAsync("a4", student: "s4");
        await Store.ClaimNextJobAsync("host/1@5:1", Lease, Ct);
        await Store.ClaimNextJobAsync("host/1@5:1", Lease, Ct);
        var done = await Store.ClaimNextJobAsync("host/2@6:1", Lease, Ct);
        await Store.CompleteJobAsync(done!.Id, "host/2@6:1", Ct);
        await Store.ClaimNextJobAsync("other/3@7:2", Lease, Ct);

        Assert.Equal(new[] { "host/1@5:1", "other/3@7:2" }, await Store.ListLeaseOwnersAsync(Ct));
    }

    [Fact]
    public async Task ExpireLeasesAsync_TheDeadWorkersJobsAreClaimableAtOnce_OthersKeepTheirs()
    {
        await PushAsync("a1", student: "s1");
        await PushAsync("a2", student: "s2");
        var dead = await Store.ClaimNextJobAsync("host/1@5:1", Lease, Ct);
        var alive = await Store.ClaimNextJobAsync("host/9@9:1", Lease, Ct);
        Assert.Null(await Store.ClaimNextJobAsync("restarted", Lease, Ct));

        Assert.Equal(1, await Store.ExpireLeasesAsync("host/1@5:1", Ct));
        var again = await Store.ClaimNextJobAsync("restarted", Lease, Ct);

        Assert.Equal(dead!.Id, again!.Id);
        Assert.Equal(2, again.Attempt);
        Assert.Null(await Store.ClaimNextJobAsync("restarted-2", Lease, Ct));
        Assert.False(await Store.RenewLeaseAsync(dead.Id, "host/1@5:1", Lease, Ct));
        Assert.True(await Store.RenewLeaseAsync(alive!.Id, "host/9@9:1", Lease, Ct));
        Assert.Equal(0, await Store.ExpireLeasesAsync("host/1@5:1", Ct));
    }

    [Fact]
    public async Task RenewLeaseAsync_HeldLease_ExtendsIt()
    {
        await PushAsync("a1");
        var claimed = await Store.ClaimNextJobAsync("w1", Lease, Ct);
        Clock.Advance(TimeSpan.FromMinutes(4));

        var renewed = await Store.RenewLeaseAsync(claimed!.Id, "w1", Lease, Ct);
        Clock.Advance(TimeSpan.FromMinutes(4)); // 8 min after the claim: past the first lease, within the renewed one

        Assert.True(renewed);
        Assert.Null(await Store.ClaimNextJobAsync("w2", Lease, Ct));
        Assert.True(await Store.RenewLeaseAsync(claimed.Id, "w1", Lease, Ct));
    }

    [Fact]
    public async Task LostLease_StaleWorkersLateCalls_ChangeNothing()
    {
        var push = await PushAsync("a1");
        var stale = await Store.ClaimNextJobAsync("worker-a", Lease, Ct);
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var current = await Store.ClaimNextJobAsync("worker-b", Lease, Ct);

        var renewed = await Store.RenewLeaseAsync(stale!.Id, "worker-a", Lease, Ct);
        await Store.CompleteJobAsync(stale.Id, "worker-a", Ct);
        await Store.RetryJobAsync(stale.Id, "worker-a", "late retry", Clock.GetUtcNow(), countsAsFailure: true, Ct);
        await Store.FailJobAsync(stale.Id, "worker-a", "late failure", Ct);

        Assert.False(renewed);
        Assert.Equal(push.JobId, current!.Id);
        Assert.Equal(new QueueStats(0, 1, 0, 0), await Store.GetQueueStatsAsync(Ct));
        Assert.Equal("worker-b", await QueryAsync<string>("SELECT lease_owner FROM jobs WHERE id = @Id", new { current.Id }));
        Assert.Equal(0L, await QueryAsync<long>("SELECT COUNT(*) FROM jobs WHERE last_error IS NOT NULL"));
        Assert.True(await Store.RenewLeaseAsync(current.Id, "worker-b", Lease, Ct));

        await Store.CompleteJobAsync(current.Id, "worker-b", Ct);
        await Store.CompleteJobAsync(current.Id, "worker-b", Ct); // a repeated call is harmless
        Assert.Equal(new QueueStats(0, 0, 1, 0), await Store.GetQueueStatsAsync(Ct));
        Assert.False(await Store.RenewLeaseAsync(current.Id, "worker-b", Lease, Ct));
    }

    [Fact]
    public async Task ClaimNextJobAsync_EightClaimersFiftyJobs_EachJobClaimedExactlyOnce()
    {
        for (var i = 0; i < 50; i++)
        {
            await Store.IngestAsync(Push(Submission($"sha{i}", Start.AddSeconds(i), student: $"student{i}")), Ct);
        }

        var claims = await ClaimAllConcurrentlyAsync(Enumerable.Range(0, 8).Select(_ => Store).ToList());

        Assert.Equal(50, claims.Count);
        Assert.Equal(50, claims.Select(c => c.Id).Distinct().Count());
        Assert.All(claims, c => Assert.Equal(1, c.Attempt));
        Assert.Equal(new QueueStats(0, 0, 50, 0), await Store.GetQueueStatsAsync(Ct));
    }

    /// <summary>Each store runs a claimer that claims and completes until the queue is empty.</summary>
    protected async Task<IReadOnlyList<ClaimedJob>> ClaimAllConcurrentlyAsync(IReadOnlyList<IGradingStore> claimers)
    {
        var claims = new ConcurrentBag<ClaimedJob>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = claimers.Select((store, n) => Task.Run(async () =>
        {
            await start.Task;
            var worker = $"worker-{n}";
            while (await store.ClaimNextJobAsync(worker, Lease, Ct) is { } job)
            {
                claims.Add(job);
                await store.CompleteJobAsync(job.Id, worker, Ct);
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(tasks);
        return [.. claims];
    }

    // ---- results

    [Fact]
    public async Task SaveResultAsync_ThenGetLatestResultAsync_RoundTripsTheReportAndWritesTestRows()
    {
        var push = await PushAsync("a1");
        var report = Report(7, 10, Start.AddMinutes(2).AddTicks(1234567));

        await Store.SaveResultAsync(push.SubmissionId!.Value, push.JobId!.Value, report, Ct);
        var stored = await Store.GetLatestResultAsync(push.SubmissionId!.Value, Ct);

        Assert.NotNull(stored);
        Assert.Equal(push.SubmissionId, stored.SubmissionId);
        Assert.Equal(push.JobId, stored.JobId);
        Assert.Equal(JsonReportWriter.Write(report), JsonReportWriter.Write(stored.Report));
        await using var connection = await Database.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(long Ordinal, string Name, string Status, double Score, double MaxScore)>(
            "SELECT CAST(ordinal AS bigint), name, status, score, max_score FROM test_results WHERE job_id = @Id ORDER BY ordinal", new { Id = push.JobId })).ToList();
        Assert.Equal(
            new[] { (0L, "counts words", "passed", 7.0, 5.0), (1L, "hidden › empty file", "memory_limit", 0.0, 5.0) },
            rows);
    }

    [Fact]
    public async Task SaveResultAsync_SameJobTwice_ReplacesTheResultAndItsTestRows()
    {
        var push = await PushAsync("a1");
        await Store.SaveResultAsync(push.SubmissionId!.Value, push.JobId!.Value, Report(3), Ct);
        var second = Report(9) with { Tests = [Report(9).Tests[0]] };

        await Store.SaveResultAsync(push.SubmissionId!.Value, push.JobId!.Value, second, Ct);

        Assert.Equal(9, (await Store.GetLatestResultAsync(push.SubmissionId!.Value, Ct))!.Report.Score);
        Assert.Equal(1L, await QueryAsync<long>("SELECT COUNT(*) FROM results"));
        Assert.Equal(1L, await QueryAsync<long>("SELECT COUNT(*) FROM test_results"));
        Assert.Equal(2L, await QueryAsync<long>("SELECT version FROM summaries WHERE assignment = 'wordcount'"));
    }

    [Fact]
    public async Task SaveResultAsync_JobOfAnotherSubmission_ThrowsAndSavesNothing()
    {
        var a = await PushAsync("a1");
        var b = await PushAsync("b1", student: "s2");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.SaveResultAsync(a.SubmissionId!.Value, b.JobId!.Value, Report(1), Ct));

        Assert.Equal(0L, await QueryAsync<long>("SELECT COUNT(*) FROM results"));
        Assert.Equal(0L, await QueryAsync<long>("SELECT COUNT(*) FROM summaries"));
    }

    [Fact]
    public async Task GetLatestResultAsync_SeveralGrades_ReturnsTheNewestGraded()
    {
        var push = await PushAsync("a1");
        var regrade = await Store.IngestAsync(Rerun("course/wordcount-octocat", "a1", "wordcount", JobKind.Grade, Clock.GetUtcNow()), Ct);
        var older = await Store.IngestAsync(Rerun("course/wordcount-octocat", "a1", "wordcount", JobKind.Grade, Clock.GetUtcNow()), Ct);
        await Store.SaveResultAsync(push.SubmissionId!.Value, push.JobId!.Value, Report(4, gradedAt: Start.AddMinutes(1)), Ct);
        await Store.SaveResultAsync(push.SubmissionId!.Value, regrade.JobId!.Value, Report(6, gradedAt: Start.AddMinutes(5)), Ct);
        await Store.SaveResultAsync(push.SubmissionId!.Value, older.JobId!.Value, Report(2, gradedAt: Start.AddMinutes(3)), Ct);

        var latest = await Store.GetLatestResultAsync(push.SubmissionId!.Value, Ct);

        Assert.Equal(regrade.JobId, latest!.JobId);
        Assert.Equal(6, latest.Report.Score);
    }

    [Fact]
    public async Task GetLatestResultAsync_NotGraded_ReturnsNull()
    {
        var push = await PushAsync("a1");

        Assert.Null(await Store.GetLatestResultAsync(push.SubmissionId!.Value, Ct));
        Assert.Null(await Store.GetLatestResultAsync(12345, Ct));
    }

    // ---- roster

    [Fact]
    public async Task GetStudentScoresAsync_BestLatestMaxAndAttemptsPerStudent()
    {
        // octocat: graded 8 then 5, then an ungraded newest push. hubot: one ungraded push. Another assignment is ignored.
        var a1 = await PushAsync("a1");
        var a2 = await PushAsync("a2");
        await Store.SaveResultAsync(a1.SubmissionId!.Value, a1.JobId!.Value, Report(8, 10, Start.AddMinutes(10)), Ct);
        await Store.SaveResultAsync(a2.SubmissionId!.Value, a2.JobId!.Value, Report(5, 12, Start.AddMinutes(5)), Ct);
        await PushAsync("a3");
        var hubotAt = Clock.GetUtcNow();
        await PushAsync("h1", student: "hubot");
        var other = await PushAsync("x1", assignment: "fizzbuzz");
        await Store.SaveResultAsync(other.SubmissionId!.Value, other.JobId!.Value, Report(10), Ct);

        var scores = await Store.GetStudentScoresAsync("wordcount", Ct);

        Assert.Equal(new[] { "hubot", "octocat" }, scores.Select(s => s.Student));
        var hubot = scores[0];
        Assert.Null(hubot.BestScore);
        Assert.Null(hubot.LatestScore);
        Assert.Null(hubot.MaxScore);
        Assert.Equal("h1", hubot.LatestSha);
        Assert.Equal(hubotAt, hubot.LatestReceivedAt);
        Assert.Equal("course/wordcount-hubot", hubot.Repository);
        Assert.Equal(1, hubot.Attempts);
        var octocat = scores[1];
        Assert.Equal(8, octocat.BestScore);
        Assert.Equal(5, octocat.LatestScore); // a2 is the latest graded submission, though graded earlier than a1
        Assert.Equal(12, octocat.MaxScore);
        Assert.Equal("a3", octocat.LatestSha);
        Assert.Equal(Start.AddSeconds(2), octocat.LatestReceivedAt);
        Assert.Equal(3, octocat.Attempts);
    }

    [Fact]
    public async Task GetStudentScoresAsync_RegradedSubmission_LatestIsItsNewestResult_AttemptsCountSubmissions()
    {
        var push = await PushAsync("a1");
        var regrade = await Store.IngestAsync(Rerun("course/wordcount-octocat", "a1", "wordcount", JobKind.Grade, Clock.GetUtcNow()), Ct);
        await Store.SaveResultAsync(push.SubmissionId!.Value, push.JobId!.Value, Report(9, gradedAt: Start.AddMinutes(1)), Ct);
        await Store.SaveResultAsync(push.SubmissionId!.Value, regrade.JobId!.Value, Report(6, gradedAt: Start.AddMinutes(2)), Ct);

        var score = Assert.Single(await Store.GetStudentScoresAsync("wordcount", Ct));

        Assert.Equal(9, score.BestScore);
        Assert.Equal(6, score.LatestScore);
        Assert.Equal(1, score.Attempts);
    }

    [Fact]
    public async Task GetStudentScoresAsync_Submissions_EachWithItsNewestResultAndTime_OldestFirst()
    {
        // a1 graded 9 then regraded 6; a2 graded 4 (max 12); a3 not graded yet.
        var a1 = await PushAsync("a1");
        var a2 = await PushAsync("a2");
        await PushAsync("a3");
        var regrade = await Store.IngestAsync(Rerun("course/wordcount-octocat", "a1", "wordcount", JobKind.Grade, Clock.GetUtcNow()), Ct);
        await Store.SaveResultAsync(a1.SubmissionId!.Value, a1.JobId!.Value, Report(9, gradedAt: Start.AddMinutes(1)), Ct);
        await Store.SaveResultAsync(a2.SubmissionId!.Value, a2.JobId!.Value, Report(4, 12, Start.AddMinutes(2)), Ct);
        await Store.SaveResultAsync(a1.SubmissionId!.Value, regrade.JobId!.Value, Report(6, gradedAt: Start.AddMinutes(3)), Ct);

        var score = Assert.Single(await Store.GetStudentScoresAsync("wordcount", Ct));

        Assert.Equal(["a1", "a2", "a3"], score.Submissions.Select(s => s.Sha));
        Assert.Equal([Start, Start.AddSeconds(1), Start.AddSeconds(2)], score.Submissions.Select(s => s.ReceivedAt));
        Assert.Equal([6, 4, null], score.Submissions.Select(s => s.Score));
        Assert.Equal([10, 12, null], score.Submissions.Select(s => s.MaxScore));
        Assert.All(score.Submissions, s => Assert.False(s.Recovered));
    }

    [Fact]
    public async Task GetStudentScoresAsync_UnknownAssignment_IsEmpty()
    {
        await PushAsync("a1");

        Assert.Empty(await Store.GetStudentScoresAsync("nope", Ct));
    }

    // ---- pull request comments

    [Fact]
    public async Task PullRequestComment_SaveThenGet_UpsertsPerRepositoryAndPullRequest()
    {
        Assert.Null(await Store.GetPullRequestCommentAsync("course/a", 1, Ct));

        await Store.SavePullRequestCommentAsync("course/a", 1, 1001, Ct);
        await Store.SavePullRequestCommentAsync("course/a", 2, 1002, Ct);
        await Store.SavePullRequestCommentAsync("course/b", 1, 2001, Ct);
        await Store.SavePullRequestCommentAsync("course/a", 1, 1003, Ct);

        Assert.Equal(1003, await Store.GetPullRequestCommentAsync("course/a", 1, Ct));
        Assert.Equal(1002, await Store.GetPullRequestCommentAsync("course/a", 2, Ct));
        Assert.Equal(2001, await Store.GetPullRequestCommentAsync("course/b", 1, Ct));
    }

    // ---- summaries

    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ClaimDueSummaryAsync_NothingDirty_ReturnsNull()
    {
        Assert.Null(await Store.ClaimDueSummaryAsync("p1", Debounce, Lease, Ct));
    }

    [Fact]
    public async Task ClaimDueSummaryAsync_DirtySummary_IsClaimedOnceUnderALease()
    {
        await Store.MarkSummaryDirtyAsync("wordcount", Ct);
        await Store.MarkSummaryDirtyAsync("wordcount", Ct);

        var claim = await Store.ClaimDueSummaryAsync("p1", Debounce, Lease, Ct);
        var other = await Store.ClaimDueSummaryAsync("p2", Debounce, Lease, Ct);
        var sameOwner = await Store.ClaimDueSummaryAsync("p1", Debounce, Lease, Ct);

        Assert.Equal(new SummaryClaim("wordcount", null, 2), claim);
        Assert.Null(other);
        Assert.Equal(claim, sameOwner);
        Clock.Advance(Lease);
        Assert.Equal(claim, await Store.ClaimDueSummaryAsync("p2", Debounce, Lease, Ct)); // the lease ran out
    }

    [Fact]
    public async Task CompleteSummaryAsync_PublishesAndDebouncesTheNextEdit()
    {
        await Store.MarkSummaryDirtyAsync("wordcount", Ct);
        var claim = await Store.ClaimDueSummaryAsync("p1", Debounce, Lease, Ct);

        await Store.CompleteSummaryAsync("wordcount", "p1", 17, claim!.Version, Ct);

        Assert.Null(await Store.ClaimDueSummaryAsync("p1", Debounce, Lease, Ct)); // published, nothing new
        await Store.MarkSummaryDirtyAsync("wordcount", Ct);
        Clock.Advance(Debounce - TimeSpan.FromSeconds(1));
        Assert.Null(await Store.ClaimDueSummaryAsync("p1", Debounce, Lease, Ct)); // changed, but published too recently
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new SummaryClaim("wordcount", 17, 2), await Store.ClaimDueSummaryAsync("p2", Debounce, Lease, Ct));
    }

    [Fact]
    public async Task CompleteSummaryAsync_ChangeWhilePublishing_StaysDue()
    {
        await Store.MarkSummaryDirtyAsync("wordcount", Ct);
        var claim = await Store.ClaimDueSummaryAsync("p1", Debounce, Lease, Ct);
        await Store.MarkSummaryDirtyAsync("wordcount", Ct); // a result saved while p1 edits the issue

        await Store.CompleteSummaryAsync("wordcount", "p1", 17, claim!.Version, Ct);
        Clock.Advance(Debounce);

        Assert.Equal(new SummaryClaim("wordcount", 17, 2), await Store.ClaimDueSummaryAsync("p1", Debounce, Lease, Ct));
    }

    [Fact]
    public async Task CompleteSummaryAsync_ByAnOwnerThatLostTheClaim_ChangesNothing()
    {
        await Store.MarkSummaryDirtyAsync("wordcount", Ct);
        var stale = await Store.ClaimDueSummaryAsync("p1", Debounce, Lease, Ct);
        Clock.Advance(Lease);
        var current = await Store.ClaimDueSummaryAsync("p2", Debounce, Lease, Ct);

        await Store.CompleteSummaryAsync("wordcount", "p1", 99, stale!.Version, Ct);
        await Store.ReleaseSummaryAsync("wordcount", "p1", Ct);

        Assert.NotNull(current);
        Assert.Null(await Store.ClaimDueSummaryAsync("p3", Debounce, Lease, Ct)); // still p2's
        await Store.CompleteSummaryAsync("wordcount", "p2", 18, current.Version, Ct);
        Assert.Equal(18L, await QueryAsync<long>("SELECT issue_number FROM summaries WHERE assignment = 'wordcount'"));
    }

    [Fact]
    public async Task ReleaseSummaryAsync_LeavesItDueForAnyone()
    {
        await Store.MarkSummaryDirtyAsync("wordcount", Ct);
        await Store.ClaimDueSummaryAsync("p1", Debounce, Lease, Ct);

        await Store.ReleaseSummaryAsync("wordcount", "p1", Ct);

        Assert.Equal(new SummaryClaim("wordcount", null, 1), await Store.ClaimDueSummaryAsync("p2", Debounce, Lease, Ct));
    }

    [Fact]
    public async Task ListSummaryClaimsAsync_NamesEachClaimedSummaryAndItsClaimant_UntilReleased()
    {
        await Store.MarkSummaryDirtyAsync("wordcount", Ct);
        await Store.MarkSummaryDirtyAsync("stats", Ct);
        Assert.Empty(await Store.ListSummaryClaimsAsync(Ct));
        await Store.ClaimDueSummaryAsync("host/1@dead#summary", Debounce, Lease, Ct);

        var claim = Assert.Single(await Store.ListSummaryClaimsAsync(Ct));
        Assert.Equal("host/1@dead#summary", claim.Owner);
        Assert.Contains(claim.Assignment, new[] { "wordcount", "stats" });

        await Store.ReleaseSummaryAsync(claim.Assignment, claim.Owner, Ct);
        Assert.Empty(await Store.ListSummaryClaimsAsync(Ct));
    }

    [Fact]
    public async Task ClaimDueSummaryAsync_SeveralDue_NeverPublishedFirstThenLongestWaiting()
    {
        foreach (var assignment in new[] { "a", "b", "c" })
        {
            await Store.MarkSummaryDirtyAsync(assignment, Ct);
            var claim = await Store.ClaimDueSummaryAsync("p", TimeSpan.Zero, Lease, Ct);
            await Store.CompleteSummaryAsync(claim!.Assignment, "p", 1, claim.Version, Ct);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await Store.MarkSummaryDirtyAsync("c", Ct);
        await Store.MarkSummaryDirtyAsync("b", Ct);
        await Store.MarkSummaryDirtyAsync("z", Ct);

        var order = new List<string>();
        while (await Store.ClaimDueSummaryAsync("p", Debounce, Lease, Ct) is { } due)
        {
            order.Add(due.Assignment);
            await Store.CompleteSummaryAsync(due.Assignment, "p", 1, due.Version, Ct);
        }

        Assert.Equal(new[] { "z", "b", "c" }, order);
    }

    [Fact]
    public async Task SaveResultAsync_MarksTheAssignmentsSummaryDirty()
    {
        var push = await PushAsync("a1");

        await Store.SaveResultAsync(push.SubmissionId!.Value, push.JobId!.Value, Report(5), Ct);

        Assert.Equal(new SummaryClaim("wordcount", null, 1), await Store.ClaimDueSummaryAsync("p", Debounce, Lease, Ct));
    }

    [Fact]
    public async Task GetQueueStatsAsync_CountsEveryState()
    {
        for (var i = 0; i < 5; i++)
        {
            await PushAsync($"a{i}", student: $"s{i}");
        }

        var done = await Store.ClaimNextJobAsync("w", Lease, Ct);
        var failed = await Store.ClaimNextJobAsync("w", Lease, Ct);
        await Store.ClaimNextJobAsync("w", Lease, Ct);
        await Store.CompleteJobAsync(done!.Id, "w", Ct);
        await Store.FailJobAsync(failed!.Id, "w", "x", Ct);

        Assert.Equal(new QueueStats(2, 1, 1, 1), await Store.GetQueueStatsAsync(Ct));
    }
}
