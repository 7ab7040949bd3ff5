using GitGrader.Ingest;
using GitGrader.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Worker;

/// <summary>
/// Claims jobs from the queue and works them, <see cref="WorkerOptions.Concurrency"/> at a time.
/// Woken at once by a delivery received in this process; polls for the rest (other hosts'
/// deliveries, retries coming due, leases of crashed workers running out). At start, the jobs a dead
/// process on this host held are taken back at once (<see cref="LeaseRecovery"/>).
/// </summary>
public sealed partial class GradingWorker : BackgroundService
{
    private readonly IJobQueue _store;
    private readonly JobProcessor _processor;
    private readonly LeaseRecovery _recovery;
    private readonly WorkSignal _signal;
    private readonly WorkerOptions _options;
    private readonly ILogger<GradingWorker> _logger;

    /// <summary>Creates the worker.</summary>
    public GradingWorker(IJobQueue store, JobProcessor processor, LeaseRecovery recovery, WorkSignal signal, IOptions<WorkerOptions> options, ILogger<GradingWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _processor = processor;
        _recovery = recovery;
        _signal = signal;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await TakeBackAsync(stoppingToken).ConfigureAwait(false);
        LogStarted(_logger, _options.Concurrency, _options.Lease.TotalSeconds);
        await Task.WhenAll(Enumerable.Range(1, _options.Concurrency).Select(slot => RunSlotAsync(LeaseRecovery.WorkerId(slot), stoppingToken))).ConfigureAwait(false);
    }

    /// <summary>Before the first claim: the jobs this host's previous instance held are claimable at once.</summary>
    private async Task TakeBackAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _recovery.TakeBackAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The store is not reachable yet: the slots wait for it; the dead process's leases run out by themselves.
            LogQueueError(_logger, ex.Message, ex);
        }
    }

    private async Task RunSlotAsync(string workerId, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var job = await _store.ClaimNextJobAsync(workerId, _options.Lease, stoppingToken).ConfigureAwait(false);
                if (job is null)
                {
                    await _signal.WaitForJobAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                LogClaimed(_logger, workerId, job.Id, job.Kind, job.Submission.Repository, job.Submission.Sha[..7], job.Attempt);
                await _processor.ProcessAsync(job, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store is unreachable: say so, wait, try again.
                LogQueueError(_logger, ex.Message, ex);
                await Task.Delay(_options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker started: {Concurrency} slot(s), lease {LeaseSeconds} s")]
    private static partial void LogStarted(ILogger logger, int concurrency, double leaseSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{WorkerId} claimed job {JobId} ({Kind}) {Repository}@{Sha}, attempt {Attempt}")]
    private static partial void LogClaimed(ILogger logger, string workerId, long jobId, JobKind kind, string repository, string sha, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the job queue: {Error}")]
    private static partial void LogQueueError(ILogger logger, string error, Exception exception);
}
