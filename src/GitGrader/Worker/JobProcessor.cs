using GitGrader.GitHub.Rest;
using GitGrader.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Worker;

/// <summary>
/// Works one claimed job to the end, whatever its kind: holds its lease (renewed while it runs), hands it to the
/// <see cref="IJobHandler"/> of its kind, marks it done, and when a try fails applies the one rule for every job
/// (<see cref="JobFailurePolicy"/>: tried again, waited out, or ended) and lets the handler show what that means.
/// </summary>
public sealed partial class JobProcessor
{
    private readonly IJobQueue _queue;
    private readonly IReadOnlyDictionary<JobKind, IJobHandler> _handlers;
    private readonly JobFailurePolicy _failures;
    private readonly TimeProvider _time;
    private readonly WorkerOptions _options;
    private readonly ILogger<JobProcessor> _logger;

    /// <summary>Creates the processor; every <see cref="JobKind"/> must have exactly one handler.</summary>
    public JobProcessor(
        IJobQueue queue,
        IEnumerable<IJobHandler> handlers,
        JobFailurePolicy failures,
        TimeProvider time,
        IOptions<WorkerOptions> options,
        ILogger<JobProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue;
        _handlers = ByKind(handlers);
        _failures = failures;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Works <paramref name="job"/>; never throws for the job's own failures (they are retried or recorded), only for shutdown.</summary>
    public async Task ProcessAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var handler = _handlers[job.Kind];
        await using var lease = LeaseKeeper.Start(_queue, job, _options.Lease, _time, cancellationToken);
        try
        {
            await handler.HandleAsync(job, lease.Token).ConfigureAwait(false);
            await _queue.CompleteJobAsync(job.Id, job.LeaseOwner, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lease.Lost)
        {
            LogLeaseLost(_logger, job.Id);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand the job straight back rather than wait out the lease.
            await _queue.RetryJobAsync(job.Id, job.LeaseOwner, "worker stopped", _time.GetUtcNow(), countsAsFailure: false, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            await FailAsync(handler, job, ex).ConfigureAwait(false);
        }
    }

    private async Task FailAsync(IJobHandler handler, ClaimedJob job, Exception error)
    {
        var message = error is GraderFailureException or GitFetchException or GitHubApiException ? error.Message : $"{error.GetType().Name}: {error.Message}";
        var decision = _failures.Decide(job, error, _time.GetUtcNow());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            if (decision.RetryAt is { } retryAt)
            {
                var counted = decision.Kind == FailureKind.Ours;
                LogRetrying(_logger, job.Id, decision.Kind, job.Failures + (counted ? 1 : 0), _options.MaxAttempts, retryAt, message, error);
                await _queue.RetryJobAsync(job.Id, job.LeaseOwner, message, retryAt, counted, timeout.Token).ConfigureAwait(false);
            }
            else
            {
                LogGaveUp(_logger, job.Id, decision.Kind, job.Attempt, message, error);
                await _queue.FailJobAsync(job.Id, job.LeaseOwner, message, timeout.Token).ConfigureAwait(false);
            }

            await handler.ShowFailureAsync(job, decision, message, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The store or GitHub is down too: the lease runs out and the job is claimed again.
            LogFailFailed(_logger, job.Id, ex.Message, ex);
        }
    }

    private static Dictionary<JobKind, IJobHandler> ByKind(IEnumerable<IJobHandler> handlers)
    {
        var byKind = new Dictionary<JobKind, IJobHandler>();
        foreach (var handler in handlers)
        {
            if (!byKind.TryAdd(handler.Kind, handler))
            {
                throw new InvalidOperationException($"Two handlers for {handler.Kind} jobs: {byKind[handler.Kind].GetType().Name} and {handler.GetType().Name}.");
            }
        }

        var missing = Enum.GetValues<JobKind>().Where(k => !byKind.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No handler for {string.Join(", ", missing)} jobs.");
        }

        return byKind;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: lease lost to another worker; stopped without reporting")]
    private static partial void LogLeaseLost(ILogger logger, long jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: try failed ({Kind}; {Failures} of {MaxAttempts} failures of ours), retry at {RetryAt:u}: {Error}")]
    private static partial void LogRetrying(ILogger logger, long jobId, FailureKind kind, int failures, int maxAttempts, DateTimeOffset retryAt, string error, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId}: gave up ({Kind}) after {Attempts} tries: {Error}")]
    private static partial void LogGaveUp(ILogger logger, long jobId, FailureKind kind, int attempts, string error, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId}: could not record the failure ({Error}); the job will be claimed again when its lease runs out")]
    private static partial void LogFailFailed(ILogger logger, long jobId, string error, Exception exception);
}
