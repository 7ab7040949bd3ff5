using System.Diagnostics;
using System.Globalization;

namespace GitGrader.Benchmarks;

/// <summary>
/// <c>--quick N</c>: no BenchmarkDotNet, just N sequential grades each way (interleaved, after one
/// unmeasured warm-up each) timed with a stopwatch; a few lines for CI logs.
/// </summary>
public static class QuickMode
{
    public static async Task<int> RunAsync(int count, CancellationToken cancellationToken)
    {
        var approaches = await Approaches.CreateAsync(cancellationToken);
        Console.WriteLine($"GitGrader quick benchmark: {approaches.Scenario.Assignment.Slug} ({approaches.Scenario.Assignment.Tests.Count} tests, image {approaches.Scenario.Assignment.Image}), {count} grades each way, {Environment.ProcessorCount} cores, {MachineLoad.Describe()}");

        // The warm-up grades double as the validation: both must give the reference solution full marks.
        await approaches.ValidateAsync(cancellationToken);

        var gitGrader = new List<double>(count);
        var dockerRun = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            // Alternating the order spreads any drift of the machine evenly over both.
            if (i % 2 == 0)
            {
                dockerRun.Add(await TimeAsync(() => approaches.GradeWithDockerRunAsync(cancellationToken)));
                gitGrader.Add(await TimeAsync(() => approaches.GradeWithGitGraderAsync(cancellationToken)));
            }
            else
            {
                gitGrader.Add(await TimeAsync(() => approaches.GradeWithGitGraderAsync(cancellationToken)));
                dockerRun.Add(await TimeAsync(() => approaches.GradeWithDockerRunAsync(cancellationToken)));
            }
        }

        Console.WriteLine($"Done, {MachineLoad.Describe()}");
        var ours = Stats.Of(gitGrader);
        var theirs = Stats.Of(dockerRun);
        Console.WriteLine($"DockerRunPerTest (baseline)  {theirs.Format()}");
        Console.WriteLine($"GitGrader                    {ours.Format()}");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Ratio GitGrader / DockerRunPerTest: mean {ours.Mean / theirs.Mean:F2}x, median {ours.Median / theirs.Median:F2}x (target <= 0.60x); GitGrader median {ours.Median / 1000:F2} s (target < 1.5 s)"));
        return 0;
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
