using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;
using GitGrader.Core.Sandboxing;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>Gradescope autograders run unchanged: Gradescope's layout inside the container, results.json mapped to our report.</summary>
[Collection(DockerCollection.Name)]
public sealed class GradescopeTests : GraderTestBase
{
    private const string Grade = """
        import json, os, sys
        sys.path.insert(0, "/autograder/submission")
        tests = []
        def check(name, ok, points, visibility, output=""):
            tests.append({"name": name, "score": points if ok else 0, "max_score": points,
                          "status": "passed" if ok else "failed", "visibility": visibility, "output": output})
        check("setup.sh ran at build time", os.path.exists("/autograder/source/setup-ran"), 1, "visible")
        meta = json.load(open("/autograder/submission_metadata.json"))
        check("metadata present", meta["assignment"]["title"] != "", 1, "visible")
        import hello
        check("greets", hello.greet("Ada") == "Hello, Ada!", 2, "visible", "greet('Ada') returned %r" % hello.greet("Ada"))
        check("greets loudly", hello.greet("BOB") == "HELLO, BOB!", 3, "hidden", "SECRET-HIDDEN-OUTPUT expected HELLO, BOB!")
        check("after the deadline", True, 1, "after_due_date", "shown after the deadline")
        results = {"tests": tests}
        if os.path.exists("/autograder/source/override"):
            results["score"] = 4.5
        json.dump(results, open("/autograder/results/results.json", "w"))
        """;

    public GradescopeTests(DockerFixture docker)
        : base(docker)
    {
    }

    private static Scenario Autograder(string runAutograder, string hello)
    {
        var scenario = new Scenario()
            .Autograder("setup.sh", "#!/bin/bash\nset -e\ntouch /autograder/source/setup-ran\n")
            .Autograder("run_autograder", runAutograder)
            .Autograder("grade.py", Grade)
            .Submission("hello.py", hello);
        File.SetUnixFileMode(Path.Combine(scenario.AssignmentDirectory, "autograder", "run_autograder"), (UnixFileMode)0b111_101_101);
        return scenario;
    }

    [Fact]
    public async Task ResultsJson_MapsToTheReport_WithVisibilityHonoured()
    {
        using var scenario = Autograder(
            "#!/bin/bash\ncd /autograder/source && python3 grade.py\n",
            "def greet(name):\n    return 'Hello, ' + name + '!'\n");

        var report = await GradeAsync(scenario);

        Assert.Equal(AssignmentFormat.Gradescope, (await AssignmentLoader.LoadAsync(scenario.AssignmentDirectory, CancellationToken.None)).Format);
        Assert.Equal(TestStatus.Passed, Single(report, "setup.sh ran at build time").Status);
        Assert.Equal(TestStatus.Passed, Single(report, "metadata present").Status);
        Assert.Equal(TestStatus.Passed, Single(report, "greets").Status);
        var hidden = Single(report, "greets loudly");
        Assert.Equal(TestStatus.Failed, hidden.Status);
        Assert.Equal(Visibility.Hidden, hidden.Visibility);
        Assert.Empty(hidden.Output);
        Assert.Equal(Visibility.AfterDueDate, Single(report, "after the deadline").Visibility);
        Assert.Empty(Single(report, "after the deadline").Output);
        Assert.DoesNotContain("SECRET-HIDDEN-OUTPUT", JsonReportWriter.Write(report), StringComparison.Ordinal);
        Assert.Equal(5, report.Score);
        Assert.Equal(8, report.MaxScore);
    }

    [Fact]
    public async Task TopLevelScore_OverridesTheSum()
    {
        using var scenario = Autograder(
            "#!/bin/bash\ncd /autograder/source && python3 grade.py\n",
            "def greet(name):\n    return 'Hello, ' + name + '!'\n").Autograder("override", "yes");

        var report = await GradeAsync(scenario);

        Assert.Equal(4.5, report.Score);
        Assert.Contains(report.Tests, t => t.Name == "Autograder total");
    }

    [Fact]
    public async Task ChangedAutograder_IsRebuilt_AndTheSupersededImageRemoved()
    {
        using var scenario = Autograder(
            "#!/bin/bash\ncd /autograder/source && python3 grade.py\n",
            "def greet(name):\n    return 'Hello, ' + name + '!'\n");
        await GradeAsync(scenario);
        scenario.Autograder("notes.txt", Guid.NewGuid().ToString());

        var report = await GradeAsync(scenario);

        Assert.Equal(5, report.Score);
        var tags = await Docker.Engine.ListImageTagsAsync("gitgrader-autograder/assignment", CancellationToken.None);
        Assert.Single(tags);
    }

    [Theory]
    [InlineData("#!/bin/bash\nexit 0\n", "no results.json")]
    [InlineData("#!/bin/bash\necho '{not json' > /autograder/results/results.json\n", "not valid JSON")]
    [InlineData("#!/bin/bash\nhead -c 2000000 /dev/zero | tr '\\0' ' ' > /autograder/results/results.json\n", "over the")]
    [InlineData("#!/bin/bash\n: > /autograder/results/results.json\n", "results.json is empty")]
    public async Task UnusableResults_AreAGraderError_NotAZero(string runAutograder, string problem)
    {
        using var scenario = Autograder(runAutograder, "def greet(name):\n    return name\n");

        var report = await GradeAsync(scenario);

        var test = Assert.Single(report.Tests);
        Assert.Equal(TestStatus.Error, test.Status);
        Assert.Contains(problem, test.Message, StringComparison.Ordinal);
        Assert.True(report.HasGraderError);
    }

    [Fact]
    public async Task RunAutograder_CopiesIntoSourceAndMakesFolders_AsOnGradescope_InItsOwnWritableCopy()
    {
        // Real run_autograder scripts copy the submission into source/ and make folders there and under /autograder.
        using var scenario = Autograder(
            "#!/bin/bash\nset -e\ncp /autograder/submission/hello.py /autograder/source/\nmkdir -p /autograder/source/build /autograder/outputs\n"
            + "echo built > /autograder/source/build/marker\ncd /autograder/source && python3 grade.py > /autograder/outputs/log.txt\n",
            "def greet(name):\n    return 'Hello, ' + name + '!'\n");

        var report = await GradeAsync(scenario);

        Assert.Equal(5, report.Score);
        Assert.False(report.HasGraderError);
    }

    [Fact]
    public async Task FailingSetupSh_SaysWhichLineFailedWithItsOutput_KeepsTheLastGoodImage_AndLeavesNoLayerBehind()
    {
        using var scenario = Autograder(
            "#!/bin/bash\ncd /autograder/source && python3 grade.py\n",
            "def greet(name):\n    return 'Hello, ' + name + '!'\n");
        await GradeAsync(scenario);
        var good = await Docker.Engine.ListImageTagsAsync("gitgrader-autograder/assignment", CancellationToken.None);
        var dangling = await DanglingImagesAsync();
        scenario.Autograder("setup.sh", "#!/bin/bash\necho fetching the dataset\ncp /no/such/file data.csv\necho unreachable-if-set-e\nfalse\n");

        var failure = await Assert.ThrowsAsync<SandboxException>(() => GradeAsync(scenario));

        Assert.StartsWith("Building image gitgrader-autograder/assignment:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("failed: setup.sh failed with exit status 1; the last command that failed was at line 5: false\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("fetching the dataset\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("cannot stat '/no/such/file'", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Step 1/", failure.Message, StringComparison.Ordinal);
        Assert.Equal(good, await Docker.Engine.ListImageTagsAsync("gitgrader-autograder/assignment", CancellationToken.None));
        Assert.Equal(dangling, await DanglingImagesAsync());
    }

    private static async Task<string> DanglingImagesAsync()
    {
        using var docker = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("docker", ["images", "-q", "--filter", "dangling=true"]) { RedirectStandardOutput = true })!;
        var listing = await docker.StandardOutput.ReadToEndAsync();
        await docker.WaitForExitAsync();
        return string.Join(',', listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
    }
}
