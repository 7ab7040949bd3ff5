using System.Globalization;

namespace GitGrader.Benchmarks;

/// <summary>Summary statistics of a set of timings in milliseconds.</summary>
public sealed record Stats(int Count, double Mean, double Median, double P95, double Min, double Max, double StdDev)
{
    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return new Stats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = samples.Order().ToArray();
        var mean = sorted.Average();
        var median = sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        var p95 = sorted[Math.Clamp((int)Math.Ceiling(0.95 * sorted.Length) - 1, 0, sorted.Length - 1)]; // nearest rank
        var variance = sorted.Length > 1 ? sorted.Sum(x => (x - mean) * (x - mean)) / (sorted.Length - 1) : 0;
        return new Stats(sorted.Length, mean, median, p95, sorted[0], sorted[^1], Math.Sqrt(variance));
    }

    public string Format() => string.Create(
        CultureInfo.InvariantCulture,
        $"n={Count,-3} mean {Mean,7:F1} ms  median {Median,7:F1} ms  p95 {P95,7:F1} ms  min {Min,7:F1}  max {Max,7:F1}  sd {StdDev,6:F1}");
}
