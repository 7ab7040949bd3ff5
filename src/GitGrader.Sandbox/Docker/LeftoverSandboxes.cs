using System.Collections.Concurrent;
using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Engine;
using Microsoft.Extensions.Logging;

namespace GitGrader.Sandbox.Docker;

/// <summary>
/// Containers of this process (each with its workspace volume, removed with it) that could not be removed when their
/// session ended (the engine was down or restarting): removed at the next session's start instead, so an engine restart
/// mid-grade leaves nothing behind in a process that lives on. The reaping of a dead process's leftovers does not cover
/// these: their owner is alive.
/// </summary>
internal sealed class LeftoverSandboxes
{
    private readonly ConcurrentQueue<string> _pending = new();

    /// <summary>How many wait to be removed.</summary>
    public int Count => _pending.Count;

    /// <summary>Remembers a container to remove later (its volume goes with it).</summary>
    public void Add(string containerId) => _pending.Enqueue(containerId);

    /// <summary>Removes what waits; what the engine still refuses waits for the next call. Never throws for the engine's refusals.</summary>
    public async Task RemoveAsync(IContainerEngine engine, ILogger logger, CancellationToken cancellationToken)
    {
        var retry = new List<string>();
        while (_pending.TryDequeue(out var containerId))
        {
            try
            {
                await engine.RemoveContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
                SandboxLog.Removed(logger, containerId.Length > 12 ? containerId[..12] : containerId);
            }
            catch (SandboxException ex)
            {
                SandboxLog.RemoveFailed(logger, ex, containerId);
                retry.Add(containerId);
            }
        }

        foreach (var containerId in retry)
        {
            _pending.Enqueue(containerId);
        }
    }
}
