using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>The submission caps end to end, on the real engine: what real repositories hold passes, what would fill the sandbox is the submission's verdict.</summary>
[Collection(DockerCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class SubmissionCapsTests : GraderTestBase
{
    public SubmissionCapsTests(DockerFixture docker)
        : base(docker)
    {
    }

    [Fact]
    public async Task ThreeThousandSmallFiles_UnderTheDefaultCaps_AllStagedAndGraded()
    {
        using var scenario = new Scenario().Assignment("""
            name: Course repository
            image: gitgrader/python:latest
            tests:
              - name: every file staged
                run: test "$(find . -type f -name '*.py' | wc -l)" -eq 3000
                points: 1
            """);
        for (var i = 0; i < 3000; i++)
        {
            scenario.Submission($"pkg{i / 50:D2}/mod{i % 50:D2}.py", $"def f{i}(x):\n    return x + {i}\n");
        }

        var report = await GradeAsync(scenario);

        Assert.Null(report.Rejection);
        Assert.Equal(TestStatus.Passed, Assert.Single(report.Tests).Status);
        Assert.Equal(1, report.Score);
    }

    [Fact]
    public async Task SmallFilesThatWouldFillTheWorkspace_RejectedAsTheSubmissionsVerdictNotAGraderError_NextGradeUnaffected()
    {
        // 300 files of 1 byte are 300 bytes, but 300 pages (1.2 MiB) of a 1 MiB workspace: the upload would fail.
        const string Yaml = """
            name: Small workspace
            image: gitgrader/python:latest
            limits: { workspace: 1m }
            tests:
              - name: runs
                run: "true"
                points: 1
            """;
        using var full = new Scenario().Assignment(Yaml);
        for (var i = 0; i < 300; i++)
        {
            full.Submission($"f{i:D3}.txt", "x");
        }

        using var next = new Scenario().Assignment(Yaml).Submission("main.py", "pass\n");

        var rejected = await GradeAsync(full);
        var after = await GradeAsync(next);

        Assert.False(rejected.HasGraderError);
        Assert.Equal(0, rejected.Score);
        Assert.StartsWith("Staged, the submission's 257 files would take more than the 1 MiB workspace of this assignment", rejected.Rejection, StringComparison.Ordinal);
        Assert.Equal(1, after.Score);
    }
}
