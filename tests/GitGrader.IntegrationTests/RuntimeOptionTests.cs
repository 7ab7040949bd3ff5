using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using GitGrader.Core.Sandboxing;
using GitGrader.IntegrationTests.Support;
using GitGrader.Sandbox.Docker;

namespace GitGrader.IntegrationTests;

/// <summary><c>Docker:Runtime</c> on the real engine: gVisor as ensure-docker.sh registers it, and a name the engine lacks.</summary>
[Collection(DockerCollection.Name)]
public sealed class RuntimeOptionTests
{
    private const string ReleaseProbe = """
        name: Kernel
        image: gitgrader/python:latest
        limits: { timeout: 10s }
        tests:
          - name: kernel
            kind: io
            run: python3 -c "import os; print(os.uname().sysname, os.uname().release)"
            expected: "Linux 4.4.0\n"
            points: 1
        """;

    [Fact]
    public async Task Runsc_GradesInsideGvisor()
    {
        using var sandbox = DockerSandbox.Create(new DockerOptions { Runtime = "runsc" });
        using var scenario = new Scenario().Assignment(ReleaseProbe);
        var assignment = await AssignmentLoader.LoadAsync(scenario.AssignmentDirectory, CancellationToken.None);

        var report = await new Grader(sandbox).GradeAsync(assignment, scenario.SubmissionDirectory, null, CancellationToken.None);

        // gVisor's own kernel answers 4.4.0; the host's is 6.x.
        var test = Assert.Single(report.Tests);
        Assert.True(test.Status == TestStatus.Passed, $"{test.Status}: {test.Message} {test.Actual} (is runsc registered? `bash grader-images/ensure-docker.sh`)");
        Assert.Empty(await sandbox.ListOwnContainersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RuntimeTheEngineLacks_FailsSayingHowToRegisterIt_AndLeavesNothing()
    {
        using var sandbox = DockerSandbox.Create(new DockerOptions { Runtime = "gitgrader-no-such-runtime" });

        var failure = await Assert.ThrowsAsync<SandboxException>(() =>
            sandbox.StartSessionAsync(new SandboxSettings(DockerFixture.PythonImage, ResourceLimits.Default, "test"), CancellationToken.None));

        Assert.StartsWith($"Docker:Runtime is 'gitgrader-no-such-runtime', but the Docker engine at {sandbox.Endpoint} has no runtime of that name (it has: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("runc", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/etc/docker/daemon.json", failure.Hint, StringComparison.Ordinal);
        Assert.Empty(await sandbox.ListOwnContainersAsync(CancellationToken.None));
    }
}
