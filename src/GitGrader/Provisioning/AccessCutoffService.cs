using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Provisioning;

/// <summary>
/// In <c>serve</c>: runs <see cref="AccessCutoff"/> at start (an extension added while serve was down takes effect), at each
/// student's deadline, and every <see cref="ProvisioningOptions.CutoffInterval"/> (students provisioned since).
/// </summary>
internal sealed partial class AccessCutoffService(
    AccessCutoff cutoff,
    IOptions<ProvisioningOptions> options,
    [FromKeyedServices(AccessCutoff.ClockKey)] TimeProvider clock,
    ILogger<AccessCutoffService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.CutoffInterval;
            try
            {
                await cutoff.ApplyAsync(stoppingToken).ConfigureAwait(false);
                if (await cutoff.NextDeadlineAsync(stoppingToken).ConfigureAwait(false) is { } next && next - clock.GetUtcNow() < wait)
                {
                    wait = next - clock.GetUtcNow();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex.Message);
            }

            try
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cut-off pass failed, trying again later: {Error}")]
    private static partial void LogPassFailed(ILogger logger, string error);
}
