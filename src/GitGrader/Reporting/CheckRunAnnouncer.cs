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
/// a container is free to grade it.
/// </summary>
public sealed partial class CheckRunAnnouncer : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    private readonly IGradingStore _store;
    private readonly CheckRunKeeper _keeper;
    private readonly Course _course;
    private readonly WorkSignal _signal;
    private readonly ILogger<CheckRunAnnouncer> _logger;

    /// <summary>Creates the announcer.</summary>
    public CheckRunAnnouncer(IGradingStore store, CheckRunKeeper keeper, Course course, WorkSignal signal, ILogger<CheckRunAnnouncer> logger)
    {
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
                var pending = await _store.ListJobsWithoutCheckRunAsync(50, stoppingToken).ConfigureAwait(false);
                await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = stoppingToken }, AnnounceAsync).ConfigureAwait(false);
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
            await _keeper.EnsureAsync(pending.JobId, null, pending.Submission, name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is GitHubApiException or HttpRequestException)
        {
            LogFailed(_logger, $"job {pending.JobId}: {ex.Message}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce a queued check run: {Error}")]
    private static partial void LogFailed(ILogger logger, string error, Exception exception);
}
