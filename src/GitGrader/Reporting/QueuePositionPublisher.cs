using System.Collections.Concurrent;
using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using GitGrader.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Reporting;

/// <summary>
/// While a push waits, its queued check run says where it is ("12 ahead of you; about 40 s"), so students stop pushing
/// again to see whether it worked. Reads the line every <see cref="QueuePositionOptions.Interval"/>; rewrites a run only
/// when its place (<see cref="QueuePlace"/>) changed, the front of the line first, at most
/// <see cref="QueuePositionOptions.MaxUpdatesPerMinute"/> edits a minute. Only the output is sent, never the status, and
/// only for a job still queued when the edit goes out.
/// </summary>
public sealed partial class QueuePositionPublisher : BackgroundService
{
    private const int Line = 5000;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly IReportingState _store;
    private readonly IGitHubClient _gitHub;
    private readonly TimeProvider _time;
    private readonly QueuePositionOptions _options;
    private readonly ILogger<QueuePositionPublisher> _logger;
    private readonly ConcurrentDictionary<long, QueuePlace> _shown = new();
    private readonly Queue<DateTimeOffset> _recentEdits = new();

    /// <summary>Creates the publisher.</summary>
    public QueuePositionPublisher(IReportingState store, IGitHubClient gitHub, TimeProvider time, IOptions<QueuePositionOptions> options, ILogger<QueuePositionPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _gitHub = gitHub;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>One pass: reads the line and rewrites the runs whose place changed; returns how many were rewritten.</summary>
    public async Task<int> PublishAsync(CancellationToken cancellationToken)
    {
        var line = await _store.GetQueueLineAsync(Line, Window, cancellationToken).ConfigureAwait(false);
        var waiting = line.Waiting.Select(j => j.JobId).ToHashSet();
        foreach (var gone in _shown.Keys.Where(id => !waiting.Contains(id)))
        {
            _shown.TryRemove(gone, out _);
        }

        var due = line.Waiting
            .Select((job, ahead) => (Job: job, Place: QueuePlace.Of(ahead, line.Running, line.FinishedRecently, Window)))
            .Where(p => p.Job is { Kind: JobKind.Grade, Superseded: false, CheckRunId: not null })
            .Where(p => !_shown.TryGetValue(p.Job.JobId, out var shown) || shown.Ahead != p.Place.Ahead)
            .Take(Allowance())
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        // The line again just before the edits: a job claimed meanwhile shows "Grading…", which a place must not overwrite.
        var still = (await _store.GetQueueLineAsync(Line, Window, cancellationToken).ConfigureAwait(false)).Waiting.Select(j => j.JobId).ToHashSet();
        var edits = 0;
        await Parallel.ForEachAsync(due.Where(d => still.Contains(d.Job.JobId)), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (item, ct) =>
        {
            var (job, place) = item;
            try
            {
                await _gitHub.UpdateCheckRunAsync(job.Submission.InstallationId, RepositoryRef.Parse(job.Submission.Repository), job.CheckRunId!.Value, new CheckRunUpdate
                {
                    Output = new CheckRunOutput { Title = place.Title, Summary = place.Summary },
                }, ct).ConfigureAwait(false);
                _shown[job.JobId] = place;
                Interlocked.Increment(ref edits);
            }
            catch (Exception ex) when (ex is GitHubApiException or HttpRequestException)
            {
                LogFailed(_logger, job.JobId, ex.Message);
            }
        }).ConfigureAwait(false);
        lock (_recentEdits)
        {
            for (var i = 0; i < edits; i++)
            {
                _recentEdits.Enqueue(_time.GetUtcNow());
            }
        }

        return edits;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.ShowPosition)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(_options.Interval, _time, stoppingToken).ConfigureAwait(false);
            try
            {
                await PublishAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(_logger, 0, ex.Message);
            }
        }
    }

    /// <summary>Edits still allowed in the current minute.</summary>
    private int Allowance()
    {
        lock (_recentEdits)
        {
            var since = _time.GetUtcNow() - TimeSpan.FromMinutes(1);
            while (_recentEdits.Count > 0 && _recentEdits.Peek() <= since)
            {
                _recentEdits.Dequeue();
            }

            return Math.Max(0, _options.MaxUpdatesPerMinute - _recentEdits.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not show job {JobId}'s place in line: {Error}")]
    private static partial void LogFailed(ILogger logger, long jobId, string error);
}
