using System.Diagnostics;
using System.Globalization;

namespace GitGrader.Core.Processes;

/// <summary>
/// Names this process so that another process on the same host can tell, later, whether it still runs:
/// <c>host/pid@start</c>, the start in Unix milliseconds. The start time tells a restarted process from its
/// previous instance even when the process id comes round again (a container's process 1, restarted).
/// Used for leases held in the store and for the labels on containers, so what a dead process held is
/// taken back at once by the next process on its host rather than when a timer runs out.
/// </summary>
public static class LocalProcess
{
    // The kernel's start time is read through the boot time, which the clock's adjustments move a little.
    private static readonly TimeSpan StartTolerance = TimeSpan.FromSeconds(2);

    /// <summary>This process: <c>host/pid@start</c>.</summary>
    public static string Current { get; } = Describe(Environment.MachineName, Environment.ProcessId, Probe(Environment.ProcessId).Start);

    /// <summary>The identity of process <paramref name="pid"/> on <paramref name="host"/>, started at <paramref name="start"/> (when known).</summary>
    public static string Describe(string host, int pid, DateTimeOffset? start) =>
        start is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"{host}/{pid}@{at.ToUnixTimeMilliseconds()}")
            : string.Create(CultureInfo.InvariantCulture, $"{host}/{pid}");

    /// <summary>
    /// True only when <paramref name="identity"/> names a process on this host that no longer runs: its id is
    /// free, or taken by a process started at another time. False for this process, for another host's (not ours
    /// to judge), and for anything that is not an identity.
    /// </summary>
    public static bool IsGone(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity == Current || !TryParse(identity, out var host, out var pid, out var start) || host != Environment.MachineName)
        {
            return false;
        }

        var (exists, started) = Probe(pid);
        if (!exists)
        {
            return true;
        }

        // An identity without a start (an older GitGrader's), or a start that cannot be read: the id runs, so it may be it.
        return start is { } recorded && started is { } running && (running - recorded).Duration() > StartTolerance;
    }

    /// <summary>Reads <c>host/pid</c> or <c>host/pid@start</c>.</summary>
    public static bool TryParse(string identity, out string host, out int pid, out DateTimeOffset? start)
    {
        ArgumentNullException.ThrowIfNull(identity);
        host = string.Empty;
        pid = 0;
        start = null;
        var slash = identity.LastIndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var rest = identity.AsSpan(slash + 1);
        var at = rest.IndexOf('@');
        if (!int.TryParse(at < 0 ? rest : rest[..at], NumberStyles.None, CultureInfo.InvariantCulture, out pid) || pid <= 0)
        {
            return false;
        }

        if (at >= 0)
        {
            if (!long.TryParse(rest[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
            {
                return false;
            }

            start = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        host = identity[..slash];
        return true;
    }

    /// <summary>Whether process <paramref name="pid"/> runs, and when it started (null when that cannot be read).</summary>
    private static (bool Exists, DateTimeOffset? Start) Probe(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return (false, null);
            }

            try
            {
                return (true, new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero));
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or NotSupportedException or InvalidOperationException)
            {
                return (true, null);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return (false, null); // no such process
        }
    }
}
