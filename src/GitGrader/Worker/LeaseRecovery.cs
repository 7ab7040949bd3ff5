using GitGrader.Core.Processes;
using GitGrader.Storage;
using Microsoft.Extensions.Logging;

namespace GitGrader.Worker;

/// <summary>
/// Takes back at once the jobs a dead process on this host held: a worker restarted after a crash (or a
/// <c>kill -9</c>) grades them now instead of when their leases run out. A worker's id is its process's
/// <see cref="LocalProcess"/> identity and its slot, so a lease names the process that holds it; those of
/// processes still running, and of other hosts, are left to their leases.
/// </summary>
public sealed partial class LeaseRecovery
{
    private readonly IJobQueue _store;
    private readonly ILogger<LeaseRecovery> _logger;

    /// <summary>Creates the recovery.</summary>
    public LeaseRecovery(IJobQueue store, ILogger<LeaseRecovery> logger)
    {
        _store = store;
        _logger = logger;
    }

    /// <summary>The id of this process's grading slot <paramref name="slot"/>: <c>host/pid@start:slot</c>.</summary>
    public static string WorkerId(int slot) => $"{LocalProcess.Current}:{slot}";

    /// <summary>The process part of a worker id (null when it has none).</summary>
    public static string? ProcessOf(string workerId)
    {
        ArgumentNullException.ThrowIfNull(workerId);
        var colon = workerId.LastIndexOf(':');
        return colon > 0 ? workerId[..colon] : null;
    }

    /// <summary>Ends the leases of every worker of a dead process on this host; returns how many jobs are free again.</summary>
    public async Task<int> TakeBackAsync(CancellationToken cancellationToken)
    {
        var freed = 0;
        foreach (var owner in await _store.ListLeaseOwnersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (ProcessOf(owner) is { } process && LocalProcess.IsGone(process))
            {
                var jobs = await _store.ExpireLeasesAsync(owner, cancellationToken).ConfigureAwait(false);
                if (jobs > 0)
                {
                    LogTakenBack(_logger, jobs, owner);
                }

                freed += jobs;
            }
        }

        return freed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking back {Jobs} job(s) held by {WorkerId}, a process on this host that no longer runs")]
    private static partial void LogTakenBack(ILogger logger, int jobs, string workerId);
}
