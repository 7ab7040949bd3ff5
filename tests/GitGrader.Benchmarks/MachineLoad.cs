namespace GitGrader.Benchmarks;

/// <summary>The machine's load, printed beside timings: other work on the host skews every Docker figure.</summary>
public static class MachineLoad
{
    /// <summary>"load 0.42 0.30 0.25" from /proc/loadavg (1, 5 and 15 minutes), or empty where there is none.</summary>
    public static string Describe()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 3 ? $"load {fields[0]} {fields[1]} {fields[2]}" : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
