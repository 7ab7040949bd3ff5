using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using GitGrader.Core.Sandboxing;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>A setup's dependency installs, prepared once with network into a derived image, then run offline at grade time.</summary>
[Collection(DockerCollection.Name)]
public sealed class PreparedDependencyTests : GraderTestBase
{
    public PreparedDependencyTests(DockerFixture docker)
        : base(docker)
    {
    }

    [Fact]
    public async Task AnInstallThatFailsAtPreparation_NamesTheCommandAndWhereItIsWritten_WithItsOutput()
    {
        using var scenario = new Scenario()
            .AssignmentFile("autograding.json", """
                {"tests": [{"name": "Uses numpy", "setup": "sudo -H pip3 install gitgrader-no-such-package-4711", "run": "python3 -c 'import numpy'", "points": 1}]}
                """)
            .Submission("main.py", "print(1)\n");

        var failure = await Assert.ThrowsAsync<SandboxException>(() => GradeAsync(scenario));

        Assert.Contains("failed: the dependency install 'pip3 install gitgrader-no-such-package-4711' (the setup of test 'Uses numpy') failed with exit status 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("gitgrader-no-such-package-4711", failure.Message[(failure.Message.IndexOf('\n', StringComparison.Ordinal) + 1)..], StringComparison.Ordinal);
        Assert.Contains("with network", failure.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStudentsManifestAskingForAPackageNotPrepared_FailsTheSetupWithNpmsReason_NeverReachingTheNetwork()
    {
        var corpus = Path.Combine(ClassroomCorpusTests.CorpusRoot, "js-npm-jest");
        using var scenario = new Scenario();
        var assignment = await AssignmentLoader.LoadAsync(corpus, CancellationToken.None);
        scenario.Submission("cart.js", File.ReadAllText(Path.Combine(corpus, "solution", "cart.js")))
            .Submission("package.json", """{"name": "shopping-cart", "version": "1.0.0", "devDependencies": {"jest": "^29.7.0", "left-pad": "^1.3.0"}}""");

        var report = await new Grader(Docker.Sandbox).GradeAsync(assignment, scenario.SubmissionDirectory, new GradeOptions { RevealHidden = true }, CancellationToken.None);

        Assert.Equal(0, report.Score);
        var test = report.Tests[0];
        Assert.Equal(TestStatus.CompileError, test.Status);
        Assert.Contains("ENOTCACHED", test.Output, StringComparison.Ordinal);
        Assert.Contains("left-pad", test.Output, StringComparison.Ordinal);
    }
}
