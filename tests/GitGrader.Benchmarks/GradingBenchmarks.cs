using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace GitGrader.Benchmarks;

/// <summary>
/// One whole grade of the template's reference solution: GitGrader (one container, steps as execs)
/// against the seeds' approach (one <c>docker run</c> per test). Each operation takes about a second,
/// so few iterations, one invocation each.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8)]
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[MaxColumn]
public class GradingBenchmarks
{
    private Approaches? _approaches;

    private Approaches Run => _approaches ?? throw new InvalidOperationException("GlobalSetup has not run.");

    [GlobalSetup]
    public void Setup()
    {
        _approaches = Approaches.CreateAsync(CancellationToken.None).GetAwaiter().GetResult();
        _approaches.ValidateAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "DockerRunPerTest")]
    public async Task<double> DockerRunPerTest() => (await Run.GradeWithDockerRunAsync(CancellationToken.None)).Score;

    [Benchmark(Description = "GitGrader")]
    public async Task<double> GitGrader() => (await Run.GradeWithGitGraderAsync(CancellationToken.None)).Score;
}
