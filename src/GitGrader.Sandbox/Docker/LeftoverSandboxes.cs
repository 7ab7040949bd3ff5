using System.Collections.Concurrent;
using GitGrader.Core.Sandboxing;
using GitGrader.Sandbox.Engine;
using Microsoft.Extensions.Logging;

namespace GitGrader.Sandbox.Docker;

/// <summary>
/// Containers and volumes of this process that could not be removed when their session ended (the engine was down or
/// restarting): removed at the next session's start instead, so an engine restart mid-grade leaves nothing behind in a
/// process that lives on. The reaping of a dead process's leftovers does not cover these: their owner is alive.
/// </summary>
internal sealed class LeftoverSandboxes
{
    private readonly ConcurrentQueue<(string? ContainerId, string Volume)> _pending = new();

    /// <summary>How many wait to be removed.</summary>
    public int Count => _pending.Count;

    /// <summary>Remembers a container (if one was created) and its volume to remove later.</summary>
    public void Add(string? containerId, string volume) => _pending.Enqueue((containerId, volume));

    /// <summary>Removes what waits; what the engine still refuses waits for the next call. Never throws for the engine's refusals.</summary>
    public async Task RemoveAsync(IContainerEngine engine, ILogger logger, CancellationToken cancellationToken)
    {
        var retry = new List<(string? ContainerId, string Volume)>();
        while (_pending.TryDequeue(out var leftover))
        {
            try
            {
                if (leftover.ContainerId is { } id)
                {
                    await engine.RemoveContainerAsync(id, cancellationToken).ConfigureAwait(false);
                    leftover = (null, leftover.Volume);
                }

                await engine.RemoveVolumeAsync(leftover.Volume, cancellationToken).ConfigureAwait(false);
                SandboxLog.Removed(logger, leftover.Volume);
            }
            catch (SandboxException ex)
            {
                SandboxLog.RemoveFailed(logger, ex, leftover.ContainerId ?? leftover.Volume);
                retry.Add(leftover);
            }
        }

        foreach (var leftover in retry)
        {
            _pending.Enqueue(leftover);
        }
    }
}
