using System.Net;
using GitGrader.GitHub.Rest;
using GitGrader.Storage;
using GitGrader.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GitGrader.AppTests.Units;

/// <summary>The shape every job goes through: a handler per kind, the one failure rule, the store told once.</summary>
public sealed class JobProcessorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly IOptions<WorkerOptions> Options = Microsoft.Extensions.Options.Options.Create(new WorkerOptions
    {
        MaxAttempts = 3,
        RetryDelay = TimeSpan.FromSeconds(15),
        Lease = TimeSpan.FromMinutes(10),
    });

    private readonly RecordingQueue _queue = new();
    private readonly RecordingHandler _grade = new(JobKind.Grade);
    private readonly RecordingHandler _report = new(JobKind.Report);

    [Fact]
    public async Task Each_kind_goes_to_its_own_handler_and_the_job_is_completed()
    {
        var processor = Processor(_grade, _report);

        await processor.ProcessAsync(Job(1, JobKind.Grade), CancellationToken.None);
        await processor.ProcessAsync(Job(2, JobKind.Report), CancellationToken.None);

        Assert.Equal([1L], _grade.Handled);
        Assert.Equal([2L], _report.Handled);
        Assert.Equal(["complete 1", "complete 2"], _queue.Calls);
        Assert.Empty(_grade.Failures);
        Assert.Empty(_report.Failures);
    }

    [Fact]
    public async Task A_failure_of_ours_is_retried_counted_and_shown_by_the_handler()
    {
        _grade.Throw = new GraderFailureException("test 'a' ended in a grader error");

        await Processor(_grade, _report).ProcessAsync(Job(7, JobKind.Grade), CancellationToken.None);

        Assert.Equal(["retry 7 counted at " + (Now + TimeSpan.FromSeconds(15)).ToString("u")], _queue.Calls);
        var (decision, message) = Assert.Single(_grade.Failures);
        Assert.Equal(FailureKind.Ours, decision.Kind);
        Assert.Equal("test 'a' ended in a grader error", message);
    }

    [Fact]
    public async Task An_outage_is_waited_out_without_counting()
    {
        _report.Throw = new GitHubApiException("GitHub answered 503 to POST /x", HttpStatusCode.ServiceUnavailable);

        await Processor(_grade, _report).ProcessAsync(Job(8, JobKind.Report), CancellationToken.None);

        Assert.Equal(["retry 8 not counted at " + (Now + TimeSpan.FromSeconds(15)).ToString("u")], _queue.Calls);
        Assert.Equal(FailureKind.Outside, Assert.Single(_report.Failures).Decision.Kind);
    }

    [Fact]
    public async Task A_gone_commit_ends_the_job_at_once()
    {
        _grade.Throw = new GitFetchException("git fetch failed (exit 128): fatal: remote error: upload-pack: not our ref 0123456789abcdef");

        await Processor(_grade, _report).ProcessAsync(Job(9, JobKind.Grade), CancellationToken.None);

        Assert.Equal(["fail 9"], _queue.Calls);
        Assert.True(Assert.Single(_grade.Failures).Decision.GivesUp);
    }

    [Fact]
    public async Task The_last_try_of_ours_ends_the_job()
    {
        _grade.Throw = new InvalidOperationException("a bug");

        await Processor(_grade, _report).ProcessAsync(Job(10, JobKind.Grade) with { Attempt = 3, Failures = 2 }, CancellationToken.None);

        Assert.Equal(["fail 10"], _queue.Calls);
        Assert.Equal("InvalidOperationException: a bug", Assert.Single(_grade.Failures).Message);
    }

    [Fact]
    public async Task A_handler_that_cannot_show_the_failure_loses_nothing_the_store_was_told()
    {
        _grade.Throw = new GraderFailureException("grader error");
        _grade.ShowThrows = new HttpRequestException("GitHub is down too");

        await Processor(_grade, _report).ProcessAsync(Job(11, JobKind.Grade), CancellationToken.None);

        Assert.Single(_queue.Calls, c => c.StartsWith("retry 11 counted", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_kind_needs_exactly_one_handler()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => Processor(_grade));
        Assert.Equal("No handler for Report jobs.", missing.Message);
        var twice = Assert.Throws<InvalidOperationException>(() => Processor(_grade, _report, new RecordingHandler(JobKind.Grade)));
        Assert.StartsWith("Two handlers for Grade jobs", twice.Message, StringComparison.Ordinal);
    }

    private JobProcessor Processor(params IJobHandler[] handlers) =>
        new(_queue, handlers, new JobFailurePolicy(Options), new FixedClock(Now), Options, NullLogger<JobProcessor>.Instance);

    private static ClaimedJob Job(long id, JobKind kind) => new()
    {
        Id = id,
        Kind = kind,
        Attempt = 1,
        CreatedAt = Now - TimeSpan.FromMinutes(1),
        LeaseOwner = "host/1@0:0",
        LeaseExpiresAt = Now + TimeSpan.FromMinutes(10),
        Submission = new SubmissionRecord
        {
            Id = id,
            Assignment = "a",
            Student = "ada",
            Repository = "org/a-ada",
            InstallationId = 1,
            Sha = new string('a', 40),
            ReceivedAt = Now,
        },
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class RecordingHandler(JobKind kind) : IJobHandler
    {
        public JobKind Kind => kind;

        public Exception? Throw { get; set; }

        public Exception? ShowThrows { get; set; }

        public List<long> Handled { get; } = [];

        public List<(FailureDecision Decision, string Message)> Failures { get; } = [];

        public Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
        {
            Handled.Add(job.Id);
            return Throw is null ? Task.CompletedTask : Task.FromException(Throw);
        }

        public Task ShowFailureAsync(ClaimedJob job, FailureDecision decision, string message, CancellationToken cancellationToken)
        {
            Failures.Add((decision, message));
            return ShowThrows is null ? Task.CompletedTask : Task.FromException(ShowThrows);
        }
    }

    /// <summary>The queue's end-of-job calls, recorded; a renewal always holds. Nothing else is asked of it here.</summary>
    private sealed class RecordingQueue : IJobQueue
    {
        public List<string> Calls { get; } = [];

        public Task CompleteJobAsync(long jobId, string workerId, CancellationToken cancellationToken) => Record($"complete {jobId}");

        public Task RetryJobAsync(long jobId, string workerId, string error, DateTimeOffset notBefore, bool countsAsFailure, CancellationToken cancellationToken) =>
            Record($"retry {jobId} {(countsAsFailure ? "counted" : "not counted")} at {notBefore:u}");

        public Task FailJobAsync(long jobId, string workerId, string error, CancellationToken cancellationToken) => Record($"fail {jobId}");

        public Task<bool> RenewLeaseAsync(long jobId, string workerId, TimeSpan lease, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<IngestOutcome> IngestAsync(IngestRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<RegradeOutcome> QueueRegradesAsync(string assignment, string? student, bool latestOnly, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<SubmissionRecord?> FindSubmissionAsync(string repository, string sha, string assignment, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ClaimedJob?> ClaimNextJobAsync(string workerId, TimeSpan lease, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> ListLeaseOwnersAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> ExpireLeasesAsync(string workerId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<QueueStats> GetQueueStatsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        private Task Record(string call)
        {
            lock (Calls)
            {
                Calls.Add(call);
            }

            return Task.CompletedTask;
        }
    }
}
