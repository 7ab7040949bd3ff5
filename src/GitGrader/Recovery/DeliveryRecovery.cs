using GitGrader.GitHub.Rest;
using GitGrader.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.Recovery;

/// <summary>
/// Finds the deliveries GitHub could not make (the server down, restarting or unreachable) and asks GitHub to make
/// them again: reads the App webhook's delivery log, takes the events no attempt of which was answered 2xx and that
/// the store never received, and asks for each once (again after <see cref="RecoveryOptions.AskAgainAfter"/>, at most
/// <see cref="RecoveryOptions.MaxAsks"/> times). The store keeps the time of GitHub's first attempt, which becomes the
/// push's time when the redelivery arrives: late is decided by when the student pushed, not by our outage.
/// </summary>
public sealed partial class DeliveryRecovery
{
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);

    private readonly IGitHubClient _gitHub;
    private readonly IDeliveryLog _log;
    private readonly TimeProvider _time;
    private readonly RecoveryOptions _options;
    private readonly ILogger<DeliveryRecovery> _logger;
    private DateTimeOffset? _lastLook;

    /// <summary>Creates the recovery.</summary>
    public DeliveryRecovery(IGitHubClient gitHub, IDeliveryLog log, TimeProvider time, IOptions<RecoveryOptions> options, ILogger<DeliveryRecovery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gitHub = gitHub;
        _log = log;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>One look at the delivery log; returns how many redeliveries were asked for.</summary>
    public async Task<int> LookAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var since = _lastLook is { } last ? last - Overlap : started - _options.LookBack;
        var attempts = await _gitHub.ListHookDeliveriesAsync(since, int.MaxValue, cancellationToken).ConfigureAwait(false);
        var failed = attempts
            .GroupBy(a => a.Guid, StringComparer.Ordinal)
            .Where(g => !g.Any(a => a.Succeeded))
            .ToDictionary(g => g.Key, g => (First: g.MinBy(a => a.DeliveredAt)!, Latest: g.MaxBy(a => a.Id)!), StringComparer.Ordinal);
        var unknown = await _log.ListUnknownDeliveriesAsync(failed.Keys, cancellationToken).ConfigureAwait(false);
        var asked = 0;
        foreach (var guid in unknown.OrderBy(g => failed[g].First.DeliveredAt))
        {
            if (asked == _options.MaxPerLook)
            {
                LogDeferred(_logger, unknown.Count - asked);
                break;
            }

            var (first, latest) = failed[guid];
            if (!await _log.ClaimRedeliveryAsync(guid, first.Event, first.DeliveredAt, _options.AskAgainAfter, _options.MaxAsks, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await _gitHub.RedeliverAsync(latest.Id, cancellationToken).ConfigureAwait(false);
            asked++;
            LogAsked(_logger, first.Event, guid, first.DeliveredAt);
        }

        _lastLook = started;
        LogLooked(_logger, attempts.Count, failed.Count, unknown.Count, asked);
        return asked;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asked GitHub to deliver again {Event} {DeliveryId}, first attempted {FirstAttempt:u} and never received")]
    private static partial void LogAsked(ILogger logger, string @event, string deliveryId, DateTimeOffset firstAttempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery log read: {Attempts} attempt(s), {Failed} event(s) never answered 2xx, {Unknown} never received, {Asked} asked for again")]
    private static partial void LogLooked(ILogger logger, int attempts, int failed, int unknown, int asked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} more deliveries to ask for again wait for the next look")]
    private static partial void LogDeferred(ILogger logger, int count);
}
