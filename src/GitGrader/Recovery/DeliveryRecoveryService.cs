using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Recovery;

/// <summary>
/// Runs <see cref="DeliveryRecovery"/> shortly after <c>serve</c> starts and every <see cref="RecoveryOptions.Interval"/> after, and
/// after it <see cref="BranchSweep"/> every <see cref="RecoveryOptions.SweepInterval"/>.
/// </summary>
public sealed partial class DeliveryRecoveryService : BackgroundService
{
    private readonly DeliveryRecovery _recovery;
    private readonly BranchSweep _sweep;
    private readonly TimeProvider _time;
    private readonly RecoveryOptions _options;
    private readonly ILogger<DeliveryRecoveryService> _logger;

    /// <summary>Creates the service.</summary>
    public DeliveryRecoveryService(DeliveryRecovery recovery, BranchSweep sweep, TimeProvider time, IOptions<RecoveryOptions> options, ILogger<DeliveryRecoveryService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _recovery = recovery;
        _sweep = sweep;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        await Task.Delay(_options.StartDelay, _time, stoppingToken).ConfigureAwait(false);
        DateTimeOffset? lastSweep = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _recovery.LookAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // GitHub or the store is unreachable: the next look reads from the last good one.
                LogFailed(_logger, ex.Message, ex);
            }

            // After the delivery log: a push GitHub could deliver again keeps the time of its first attempt.
            if (_options.SweepInterval > TimeSpan.Zero && (lastSweep is not { } last || _time.GetUtcNow() - last >= _options.SweepInterval))
            {
                try
                {
                    await _sweep.SweepAsync(stoppingToken).ConfigureAwait(false);
                    lastSweep = _time.GetUtcNow();
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogSweepFailed(_logger, ex.Message, ex);
                }
            }

            await Task.Delay(_options.Interval, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not sweep the student repositories for undelivered pushes: {Error}")]
    private static partial void LogSweepFailed(ILogger logger, string error, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read GitHub's delivery log to recover missed deliveries: {Error}")]
    private static partial void LogFailed(ILogger logger, string error, Exception exception);
}
