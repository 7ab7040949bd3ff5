using System.Diagnostics;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>Containers never outlive their grade: not on cancel, not after a crash, and nothing of the host gets in.</summary>
[Collection(DockerCollection.Name)]
public sealed class SandboxLifecycleTests : GraderTestBase
{
    private const string SlowAssignment = """
        name: Slow
        image: gitgrader/python:latest
        limits: { timeout: 30s }
        tests:
          - name: sleeps
            kind: run
            run: python3 -c "import time; time.sleep(25)"
            points: 1
        """;

    public SandboxLifecycleTests(DockerFixture docker)
        : base(docker)
    {
    }

    [Fact]
    public async Task Cancel_MidStep_RemovesTheContainer()
    {
        using var scenario = new Scenario().Assignment(SlowAssignment);
        var assignment = await AssignmentLoader.LoadAsync(scenario.AssignmentDirectory, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new Grader(Docker.Sandbox).GradeAsync(assignment, scenario.SubmissionDirectory, null, cancel.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"cancellation took {watch.Elapsed}");
        Assert.Empty(await Docker.OurContainersAsync());
    }

    [Fact]
    public async Task ReapLeftovers_ContainerOfADeadProcess_IsRemoved_OthersAreKept()
    {
        using var finished = Process.Start("true")!;
        await finished.WaitForExitAsync();
        var engine = Docker.Engine;
        var deadOwner = $"{Environment.MachineName}/{finished.Id}";
        var otherHost = "another-grading-host/1";
        var dead = await CreateLabelledContainerAsync(deadOwner);
        var foreign = await CreateLabelledContainerAsync(otherHost);
        try
        {
            var (containers, _) = await Docker.Sandbox.ReapLeftoversAsync(CancellationToken.None);

            Assert.True(containers >= 1);
            Assert.Null(await engine.InspectContainerAsync(dead, CancellationToken.None));
            Assert.NotNull(await engine.InspectContainerAsync(foreign, CancellationToken.None));
        }
        finally
        {
            await engine.RemoveContainerAsync(dead, CancellationToken.None);
            await engine.RemoveContainerAsync(foreign, CancellationToken.None);
        }
    }

    [Fact]
    public async Task HostEnvironment_NeverEntersTheSandbox()
    {
        var secret = "host-env-secret-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable("GITGRADER_TEST_HOST_SECRET", secret);
        try
        {
            using var scenario = new Scenario().Assignment("""
                name: Environment
                image: gitgrader/python:latest
                tests:
                  - name: env
                    kind: run
                    run: "env; cat /proc/1/environ 2>/dev/null; exit 1"
                    points: 1
                """);

            var report = await GradeAsync(scenario, new GradeOptions { RevealHidden = true });

            var test = Single(report, "env");
            Assert.Contains("PATH=", test.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, JsonReportWriter.Write(report), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITGRADER_TEST_HOST_SECRET", null);
        }
    }

    [Fact]
    public async Task Sandbox_RunsAsNonRootWithReadOnlyRootAndNoCapabilities()
    {
        using var scenario = new Scenario().Assignment("""
            name: Lockdown
            image: gitgrader/python:latest
            tests:
              - name: probe
                kind: io
                run: python3 probe.py
                expected: "uid=1000 root-writable=False work-writable=False caps=0000000000000000 nnp=1"
                points: 1
            """).Submission("probe.py", """
                import os
                def writable(path):
                    try:
                        open(path, "w").close()
                        return True
                    except OSError:
                        return False
                status = dict(l.split(":\t", 1) for l in open("/proc/self/status").read().splitlines() if ":\t" in l)
                print("uid=%d root-writable=%s work-writable=%s caps=%s nnp=%s" % (
                    os.getuid(), writable("/usr/evil"), writable("/work/evil"), status["CapEff"].strip(), status["NoNewPrivs"].strip()))
                """);

        var report = await GradeAsync(scenario, new GradeOptions { RevealHidden = true });

        var test = Single(report, "probe");
        Assert.True(test.Status == TestStatus.Passed, $"{test.Status}: {test.Actual} {test.Output}");
    }

    private Task<string> CreateLabelledContainerAsync(string owner) => Docker.CreateIdleContainerAsync(spec => spec with
    {
        Labels = new Dictionary<string, string> { ["io.gitgrader.managed"] = "true", ["io.gitgrader.owner"] = owner },
    });
}
