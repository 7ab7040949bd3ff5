using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.IntegrationTests.Support;
using GitGrader.Sandbox.Docker;
using Xunit.Abstractions;

namespace GitGrader.IntegrationTests;

/// <summary>
/// How many engine round trips one grade makes (each costs about 45 ms of dockerd, containerd and runc on Docker 20.10):
/// counted, not timed, so the count is a budget a change can only keep or lower (an exec inspected again because the
/// engine still said it ran is the engine's lag, not a call of the design: counted apart). Each template's solution
/// must still score full marks.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class EngineCallsPerGradeTests
{
    private readonly DockerFixture _docker;
    private readonly ITestOutputHelper _output;

    public EngineCallsPerGradeTests(DockerFixture docker, ITestOutputHelper output)
    {
        _docker = docker;
        _output = output;
    }

    [Theory]
    [InlineData("python-wordcount", 21)] // 26 before the round-trip cuts of 2026-12-07
    [InlineData("python-classroom-workflow", 14)] // 20 before
    [InlineData("python-classroom-fizzbuzz", 21)] // 28 before
    public async Task A_grade_of_the_templates_solution_stays_within_its_engine_call_budget(string template, int budget)
    {
        var directory = Path.Combine(RepositoryPaths.Templates, template);
        var assignment = await AssignmentLoader.LoadAsync(directory, CancellationToken.None);
        var engine = new CountingEngine(_docker.Engine);
        using var sandbox = new DockerSandbox(engine, runtime: DockerFixture.Runtime);

        // The first grade of a sandbox also reaps leftovers and checks the runtime: the second is the steady cost.
        var first = await new Grader(sandbox).GradeAsync(assignment, Path.Combine(directory, "solution"), null, CancellationToken.None);
        engine.Clear();
        var report = await new Grader(sandbox).GradeAsync(assignment, Path.Combine(directory, "solution"), null, CancellationToken.None);

        _output.WriteLine($"{template}: {engine.Total} engine calls: {string.Join(", ", engine.Calls.Select(c => $"{c.Key} {c.Value}"))}; {engine.Polls} repeated exec inspects");
        Assert.Equal(first.MaxScore, first.Score);
        Assert.Equal(report.MaxScore, report.Score);
        Assert.InRange(engine.Total, 1, budget);
    }
}
