using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using GitGrader.Sandbox.Docker;

namespace GitGrader.Benchmarks;

/// <summary>The two approaches compared, each one call grading the whole submission; shared by every mode.</summary>
public sealed class Approaches
{
    private Approaches(GradingScenario scenario)
    {
        Scenario = scenario;
        Baseline = new DockerRunBaseline(scenario.Assignment, scenario.SolutionDirectory);
    }

    public GradingScenario Scenario { get; }

    public DockerRunBaseline Baseline { get; }

    public static async Task<Approaches> CreateAsync(CancellationToken cancellationToken) =>
        new(await GradingScenario.LoadAsync(cancellationToken));

    /// <summary>GitGrader as the CLI grades: a new sandbox (engine client), one container, every step an exec.</summary>
    public async Task<GradeReport> GradeWithGitGraderAsync(CancellationToken cancellationToken)
    {
        using var sandbox = DockerSandbox.Create();
        return await new Grader(sandbox).GradeAsync(Scenario.Assignment, Scenario.SolutionDirectory, null, cancellationToken);
    }

    /// <summary>The baseline: one <c>docker run</c> per test.</summary>
    public Task<BaselineGrade> GradeWithDockerRunAsync(CancellationToken cancellationToken) => Baseline.GradeAsync(cancellationToken);

    /// <summary>Grades once each way and throws unless both give the solution full marks.</summary>
    public async Task ValidateAsync(CancellationToken cancellationToken)
    {
        var report = await GradeWithGitGraderAsync(cancellationToken);
        if (report.Rejection is not null || report.Score != report.MaxScore || report.MaxScore <= 0)
        {
            var failed = string.Join("; ", report.Tests.Where(t => t.Status != TestStatus.Passed).Select(t => $"{t.Name}: {t.Status} {t.Message}"));
            throw new InvalidOperationException(
                $"GitGrader gave the reference solution {report.Score}/{report.MaxScore} (expected full marks). {report.Rejection} {failed}".Trim());
        }

        var baseline = await GradeWithDockerRunAsync(cancellationToken);
        if (baseline.Passed != baseline.Total)
        {
            throw new InvalidOperationException(
                $"The docker-run baseline passed {baseline.Passed}/{baseline.Total} tests of the reference solution: {string.Join("; ", baseline.Failures)}");
        }
    }
}
