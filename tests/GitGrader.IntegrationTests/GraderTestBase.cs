using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>Grades scenarios on the real engine and checks nothing is left behind after each.</summary>
public abstract class GraderTestBase
{
    protected GraderTestBase(DockerFixture docker)
    {
        Docker = docker;
    }

    protected DockerFixture Docker { get; }

    protected async Task<GradeReport> GradeAsync(Scenario scenario, GradeOptions? options = null)
    {
        var assignment = await AssignmentLoader.LoadAsync(scenario.AssignmentDirectory, CancellationToken.None);
        var report = await new Grader(Docker.Sandbox).GradeAsync(assignment, scenario.SubmissionDirectory, options, CancellationToken.None);
        Assert.Empty(await Docker.OurContainersAsync());
        return report;
    }

    protected static TestResult Single(GradeReport report, string name) => Assert.Single(report.Tests, t => t.Name == name);
}
