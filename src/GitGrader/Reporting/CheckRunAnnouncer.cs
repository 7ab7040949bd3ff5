using System.Collections.Concurrent;
using System.Net;
using GitGrader.Classroom;
using GitGrader.GitHub.Rest;
using GitGrader.Ingest;
using GitGrader.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitGrader.Reporting;

/// <summary>
/// Puts a "queued" check run on each new commit within moments of its webhook, whatever the
/// worker is doing: during a deadline spike students see their push was received long before
/// a container is free to grade it. New jobs are read once each, through a cursor over the job ids
/// (wake-ups are coalesced: a burst of deliveries is one read), so jobs whose announcement failed
/// never hold up the ones behind them. A failure on GitHub's side or the network's is tried again with
/// growing pauses; an answer that will not change (404, 422: GitHub does not know the repository or the
/// commit) ends the announcing of that job, and the worker creates the run itself when it gets to the job.
/// Only a commit's first job is announced: a later one (a report to a new pull request, a re-run) gets
/// no "queued" run from here.
/// </summary>
public sealed partial class CheckRunAnnouncer : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);
    private const int Batch = 200;

    private readonly IReportingState _store;
    private readonly CheckRunKeeper _keeper;
    private readonly Course _course;
    private readonly WorkSignal _signal;
    private readonly TimeProvider _time;
    private readonly ILogger<CheckRunAnnouncer> _logger;
    private readonly ConcurrentDictionary<long, (PendingCheckRun Pending, int Failures, DateTimeOffset At)> _retries = new();
    private long _cursor;

    /// <summary>Creates the announcer.</summary>
    public CheckRunAnnouncer(IReportingState store, CheckRunKeeper keeper, Course course, WorkSignal signal, TimeProvider time, ILogger<CheckRunAnnouncer> logger)
    {
        _time = time;
        _store = store;
        _keeper = keeper;
        _course = course;
        _signal = signal;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                var fresh = await _store.ListJobsWithoutCheckRunAsync(_cursor, Batch, stoppingToken).ConfigureAwait(false);
                full = fresh.Count == Batch;
                if (fresh.Count > 0)
                {
                    _cursor = fresh[^1].JobId;
                }

                var now = _time.GetUtcNow();
                var due = _retries.Values.Where(r => r.At <= now).Select(r => r.Pending).Concat(fresh)

                    // The oldest job of each commit only: the commit's other jobs then find its run and are left to the worker.
                    .GroupBy(p => p.Submission.Id)
                    .Select(g => g.MinBy(p => p.JobId)!)
                    .ToList();
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = stoppingToken }, AnnounceAsync).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(_logger, ex.Message, ex);
            }

            if (!full)
            {
                // A burst of deliveries wakes the announcer once, not once each.
                await Task.Delay(Coalesce, _time, stoppingToken).ConfigureAwait(false);
                await _signal.WaitForAnnouncementAsync(Poll, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask AnnounceAsync(PendingCheckRun pending, CancellationToken cancellationToken)
    {
        var name = _course.Catalog.Find(pending.Submission.Assignment)?.Name ?? pending.Submission.Assignment;
        try
        {
            await _keeper.AnnounceAsync(pending.JobId, pending.Submission, name, cancellationToken).ConfigureAwait(false);
            _retries.TryRemove(pending.JobId, out _);
        }
        catch (GitHubApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
        {
            _retries.TryRemove(pending.JobId, out _);
            LogGivenUp(_logger, pending.JobId, pending.Submission.Repository, pending.Submission.Sha[..7], ex.Message);
        }
        catch (Exception ex) when (ex is GitHubApiException or HttpRequestException)
        {
            var failures = _retries.TryGetValue(pending.JobId, out var previous) ? previous.Failures + 1 : 1;
            var pause = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures)));
            _retries[pending.JobId] = (pending, failures, _time.GetUtcNow() + pause);
            LogFailed(_logger, $"job {pending.JobId} ({pending.Submission.Repository}@{pending.Submission.Sha[..7]}), try {failures}, next in {pause.TotalSeconds:0} s: {ex.Message}", null);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Not announcing job {JobId} ({Repository}@{Sha}): {Error}; the worker creates its check run when it grades it")]
    private static partial void LogGivenUp(ILogger logger, long jobId, string repository, string sha, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce a queued check run: {Error}")]
    private static partial void LogFailed(ILogger logger, string error, Exception? exception);
}
