using System.Globalization;

namespace GitGrader.Benchmarks;

/// <summary>
/// The machine's CPU time so far, from the first line of <c>/proc/stat</c> (every process, short-lived ones included: the
/// <c>git</c>, <c>runc</c> and python processes of a grade end before <c>ps</c> could see them). Two samples give busy
/// CPU-seconds and the user/kernel/idle split over an interval.
/// </summary>
public sealed record CpuSample(double User, double Kernel, double Idle, double Stolen)
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    /// <summary>Now; all zero where there is no <c>/proc/stat</c>.</summary>
    public static CpuSample Now()
    {
        try
        {
            // cpu user nice system idle iowait irq softirq steal …
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            double At(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture) / TicksPerSecond;
            return new CpuSample(At(1) + At(2), At(3) + At(6) + At(7), At(4) + At(5), At(8));
        }
        catch (IOException)
        {
            return new CpuSample(0, 0, 0, 0);
        }
    }

    /// <summary>Busy CPU-seconds (user and kernel) since <paramref name="earlier"/>.</summary>
    public double BusySince(CpuSample earlier) => User - earlier.User + (Kernel - earlier.Kernel);

    /// <summary>"user 38%, kernel 49%, idle 12%, stolen by the host 1% of 2 cores" since <paramref name="earlier"/>.</summary>
    public string DescribeSince(CpuSample earlier)
    {
        var user = User - earlier.User;
        var kernel = Kernel - earlier.Kernel;
        var idle = Idle - earlier.Idle;
        var stolen = Stolen - earlier.Stolen;
        var all = Math.Max(user + kernel + idle + stolen, double.Epsilon);
        return string.Create(CultureInfo.InvariantCulture, $"user {user / all:0%}, kernel {kernel / all:0%}, idle {idle / all:0%}, stolen by the host {stolen / all:0%} of {Environment.ProcessorCount} cores");
    }
}
