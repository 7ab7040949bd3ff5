using System.Collections.Concurrent;
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
/// a container is free to grade it. A job whose announcement fails (GitHub down, a commit GitHub
/// does not know) is tried again with growing pauses, and never holds up the jobs behind it; the
/// worker creates the run itself if it gets to the job first. Only a commit's first job is announced:
/// a later one (a report to a new pull request, a re-run) gets no "queued" run from here.
/// </summary>
public sealed partial class CheckRunAnnouncer : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);
    private const int Batch = 200;

    private readonly IGradingStore _store;
    private readonly CheckRunKeeper _keeper;
    private readonly Course _course;
    private readonly WorkSignal _signal;
    private readonly TimeProvider _time;
    private readonly ILogger<CheckRunAnnouncer> _logger;
    private readonly ConcurrentDictionary<long, (int Failures, DateTimeOffset RetryAt)> _failed = new();
    private readonly ConcurrentDictionary<long, bool> _notAnnounced = new();

    /// <summary>Creates the announcer.</summary>
    public CheckRunAnnouncer(IGradingStore store, CheckRunKeeper keeper, Course course, WorkSignal signal, TimeProvider time, ILogger<CheckRunAnnouncer> logger)
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
            try
            {
                var pending = await _store.ListJobsWithoutCheckRunAsync(Batch, stoppingToken).ConfigureAwait(false);
                var now = _time.GetUtcNow();
                var listed = pending.Select(p => p.JobId).ToHashSet();
                foreach (var gone in _failed.Keys.Where(id => !listed.Contains(id)))
                {
                    _failed.TryRemove(gone, out _);
                }

                foreach (var gone in _notAnnounced.Keys.Where(id => !listed.Contains(id)))
                {
                    _notAnnounced.TryRemove(gone, out _);
                }

                // The oldest job of each commit only: the commit's other jobs then find its run and are left to the worker.
                var due = pending
                    .GroupBy(p => p.Submission.Id)
                    .Select(g => g.MinBy(p => p.JobId)!)
                    .Where(p => !_notAnnounced.ContainsKey(p.JobId))
                    .Where(p => !_failed.TryGetValue(p.JobId, out var failure) || failure.RetryAt <= now)
                    .ToList();
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = stoppingToken }, AnnounceAsync).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(_logger, ex.Message, ex);
            }

            await _signal.WaitForAnnouncementAsync(Poll, stoppingToken).ConfigureAwait(false);
        }
    }

    private async ValueTask AnnounceAsync(PendingCheckRun pending, CancellationToken cancellationToken)
    {
        var name = _course.Catalog.Find(pending.Submission.Assignment)?.Name ?? pending.Submission.Assignment;
        try
        {
            if (await _keeper.AnnounceAsync(pending.JobId, pending.Submission, name, cancellationToken).ConfigureAwait(false) is null)
            {
                _notAnnounced[pending.JobId] = true;
            }

            _failed.TryRemove(pending.JobId, out _);
        }
        catch (Exception ex) when (ex is GitHubApiException or HttpRequestException)
        {
            var failures = _failed.TryGetValue(pending.JobId, out var previous) ? previous.Failures + 1 : 1;
            var pause = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures)));
            _failed[pending.JobId] = (failures, _time.GetUtcNow() + pause);
            LogFailed(_logger, $"job {pending.JobId} ({pending.Submission.Repository}@{pending.Submission.Sha[..7]}), try {failures}, next in {pause.TotalSeconds:0} s: {ex.Message}", null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce a queued check run: {Error}")]
    private static partial void LogFailed(ILogger logger, string error, Exception? exception);
}
