using GitGrader.Ingest;
using GitGrader.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Worker;

/// <summary>
/// Claims jobs from the queue and works them, <see cref="WorkerOptions.Concurrency"/> at a time.
/// Woken at once by a delivery received in this process; polls for the rest (other hosts'
/// deliveries, retries coming due, leases of crashed workers running out).
/// </summary>
public sealed partial class GradingWorker : BackgroundService
{
    private readonly IGradingStore _store;
    private readonly JobProcessor _processor;
    private readonly WorkSignal _signal;
    private readonly WorkerOptions _options;
    private readonly ILogger<GradingWorker> _logger;

    /// <summary>Creates the worker.</summary>
    public GradingWorker(IGradingStore store, JobProcessor processor, WorkSignal signal, IOptions<WorkerOptions> options, ILogger<GradingWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _processor = processor;
        _signal = signal;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(_logger, _options.Concurrency, _options.Lease.TotalSeconds);
        return Task.WhenAll(Enumerable.Range(1, _options.Concurrency).Select(slot => RunSlotAsync($"{Environment.MachineName}:{Environment.ProcessId}:{slot}", stoppingToken)));
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
