using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Grading.Dependencies;
using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>
/// Maven and pip prepared through a course's mirror (the test's stand-ins, <see cref="RegistryMirrors"/>), then
/// graded offline: a student's manifest asking for what was not prepared fails with the tool's own reason.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class MirroredDependencyTests : IClassFixture<RegistryMirrors>
{
    private readonly DockerFixture _docker;
    private readonly RegistryMirrors _mirrors;

    public MirroredDependencyTests(DockerFixture docker, RegistryMirrors mirrors)
    {
        _docker = docker;
        _mirrors = mirrors;
    }

    [Fact]
    public async Task AStudentsPomAddingADependencyNotPrepared_FailsWithMavensOfflineReason_AndNothingOfTheInstructorsBuildIsInTheImage()
    {
        var corpus = Path.Combine(ClassroomCorpusTests.CorpusRoot, "java-junit-maven");
        var assignment = await AssignmentLoader.LoadAsync(corpus, CancellationToken.None);
        using var scenario = new Scenario();
        scenario.Submission("src/main/java/edu/example/IntStack.java", File.ReadAllText(Path.Combine(corpus, "solution/src/main/java/edu/example/IntStack.java")))
            .Submission("pom.xml", File.ReadAllText(Path.Combine(corpus, "solution/pom.xml")).Replace(
                "  </dependencies>",
                "    <dependency><groupId>org.apache.commons</groupId><artifactId>commons-gitgrader-unprepared</artifactId><version>3.14</version></dependency>\n  </dependencies>",
                StringComparison.Ordinal));

        var report = await new Grader(_docker.Sandbox, dependencies: _mirrors.Options).GradeAsync(assignment, scenario.SubmissionDirectory, new GradeOptions { RevealHidden = true }, CancellationToken.None);

        Assert.False(report.HasGraderError);
        Assert.Equal(0, report.Score);
        Assert.All(report.Tests, t => Assert.Equal(TestStatus.Failed, t.Status));
        Assert.Contains("commons-gitgrader-unprepared", report.Tests[0].Output, StringComparison.Ordinal);
        Assert.True(report.Tests[0].Output.Contains("offline", StringComparison.OrdinalIgnoreCase), report.Tests[0].Output);

        // The prepared image holds the local repository, not the instructor's solution, tests or classes.
        var recipe = (await PreparedImage.RecipeAsync(assignment, _mirrors.Options, CancellationToken.None))!;
        var image = await _docker.Sandbox.PrepareImageAsync(recipe, null, CancellationToken.None);
        var listing = await DockerRunAsync(image, "find / -xdev \\( -name 'IntStack*' -o -name 'PeekTest*' -o -name 'PushPopTest*' -o -name 'int-stack*' \\) 2>/dev/null; ls /opt/gitgrader/m2/junit/junit");
        Assert.Equal("4.13.2", listing.Trim());
    }

    [Fact]
    public async Task AStudentsRequirementsNamingAPackageNotPrepared_FailsTheSetupWithPipsReason_Offline()
    {
        var corpus = Path.Combine(ClassroomCorpusTests.CorpusRoot, "py-requirements-workflow");
        var assignment = await AssignmentLoader.LoadAsync(corpus, CancellationToken.None);
        using var scenario = new Scenario();
        scenario.Submission("quad.py", File.ReadAllText(Path.Combine(corpus, "solution", "quad.py")))
            .Submission("requirements.txt", "gitgrader-tinymath==1.0\ngitgrader-not-prepared==2.0\n");

        var report = await new Grader(_docker.Sandbox, dependencies: _mirrors.Options).GradeAsync(assignment, scenario.SubmissionDirectory, new GradeOptions { RevealHidden = true }, CancellationToken.None);

        Assert.False(report.HasGraderError);
        Assert.Equal(0, report.Score);
        var test = report.Tests[0];
        Assert.Equal(TestStatus.CompileError, test.Status);
        Assert.Contains("No matching distribution found for gitgrader-not-prepared==2.0", test.Output, StringComparison.Ordinal);
    }

    private static async Task<string> DockerRunAsync(string image, string script)
    {
        var start = new System.Diagnostics.ProcessStartInfo("docker") { RedirectStandardOutput = true };
        foreach (var argument in new[] { "run", "--rm", "--network", "none", image, "bash", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
