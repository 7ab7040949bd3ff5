using System.Globalization;

namespace GitGrader.Benchmarks;

/// <summary>
/// CPU-seconds of the processes alive now, by part: <c>serve</c>, the <c>worker</c> processes, the harness (this process:
/// the GitHub stand-in and the students' <c>git push</c>), the stand-in's OpenAPI validator, <c>dockerd</c>,
/// <c>containerd</c>. Each counts its own time and that of the children it waited for (<c>git</c> fetches under
/// <c>serve</c>, <c>git receive-pack</c> under the stand-in), from <c>/proc/PID/stat</c>. What no live process accounts
/// for (the containers' processes, <c>runc</c> and the shims, kernel threads) is the rest of <see cref="CpuSample"/>'s total.
/// </summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100;

    /// <summary>CPU-seconds so far by part, for every live process (pid → part and seconds).</summary>
    public static IReadOnlyDictionary<int, (string Part, double Seconds)> Now()
    {
        var result = new Dictionary<int, (string, double)>();
        if (!Directory.Exists("/proc"))
        {
            return result;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // pid (comm) state ppid … ; comm may hold spaces and parentheses, so split after the last ')'.
                var close = stat.LastIndexOf(')');
                var comm = stat[(stat.IndexOf('(') + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                // fields[0] is state (field 3); utime..cstime are fields 14..17, so 11..14 here.
                var ticks = Enumerable.Range(11, 4).Sum(i => double.Parse(fields[i], CultureInfo.InvariantCulture));
                var part = PartOf(pid, comm, dir);
                if (part is not null)
                {
                    result[pid] = (part, ticks / TicksPerSecond);
                }
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return result;
    }

    /// <summary>CPU-seconds by part between two samples (a process born meanwhile counts from zero).</summary>
    public static IReadOnlyList<(string Part, double Seconds)> Since(IReadOnlyDictionary<int, (string Part, double Seconds)> earlier, IReadOnlyDictionary<int, (string Part, double Seconds)> later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        return later
            .Select(p => (p.Value.Part, Seconds: p.Value.Seconds - (earlier.TryGetValue(p.Key, out var before) && before.Part == p.Value.Part ? before.Seconds : 0)))
            .GroupBy(p => p.Part, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(p => p.Seconds)))
            .OrderByDescending(p => p.Item2)
            .ToList();
    }

    private static string? PartOf(int pid, string comm, string dir)
    {
        if (pid == Environment.ProcessId)
        {
            return "harness (stand-in, its git, the pushes)";
        }

        switch (comm)
        {
            case "dockerd":
                return "dockerd";
            case "containerd":
                return "containerd";
            case "node":
                return "stand-in's OpenAPI validator";
            case "postgres":
                return "postgres";
            case "wrk":
                return "wrk";
            case "dotnet":
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                return command.Contains("gitgrader.dll serve", StringComparison.Ordinal) ? "gitgrader serve (with its git fetches)"
                    : command.Contains("gitgrader.dll worker", StringComparison.Ordinal) ? "gitgrader worker (with its git fetches)"
                    : null;
            default:
                return null;
        }
    }
}
