using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>
/// An imported GitHub Classroom assignment whose <c>run</c> is <c>python3 -m pytest … tests/test_calc.py</c> on a test file
/// of <c>hidden/</c>: each attack that beats the command as written (it runs in the student's working copy, with the
/// student's files first on <c>sys.path</c>) against the hardened run. A wrong <c>add()</c> scores 0, the right one 5,
/// and the next grade on the same engine is unaffected.
/// </summary>
[Collection(DockerCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class ClassroomPytestHardeningTests : GraderTestBase
{
    private const string Autograding = """
        {"tests":[{"name":"calc","setup":"","run":"python3 -m pytest -q -p no:cacheprovider --tb=short tests/test_calc.py","input":"","output":"","comparison":"included","timeout":1,"points":5}]}
        """;

    private const string HiddenTests = """
        import calc
        from helpers import expected_sum

        def test_add():
            assert calc.add(2, 3) == expected_sum(2, 3)

        def test_add_negative():
            assert calc.add(-2, -3) == -5
        """;

    private const string RightCalc = "def add(a, b):\n    return a + b\n";
    private const string WrongCalc = "def add(a, b):\n    return a - b\n";

    private const string ForcePasses = """
        import pytest

        @pytest.hookimpl(hookwrapper=True)
        def pytest_runtest_makereport(item, call):
            outcome = yield
            report = outcome.get_result()
            report.outcome = "passed"
            report.longrepr = None
        """;

    public ClassroomPytestHardeningTests(DockerFixture docker)
        : base(docker)
    {
    }

    public static TheoryData<string, string, string> Attacks => new()
    {
        { "conftest.py forcing passes at the root", "conftest.py", ForcePasses },
        { "conftest.py forcing passes beside the tests", "tests/conftest.py", ForcePasses },
        { "pytest.py beside the working copy", "pytest.py", "import sys\nsys.exit(0)\n" },
        { "pytest.py beside the tests", "tests/pytest.py", "import os\nos._exit(0)\n" },
        { "sitecustomize.py that exits 0", "sitecustomize.py", "import os\nos._exit(0)\n" },
        { "usercustomize.py that exits 0", "usercustomize.py", "import os\nos._exit(0)\n" },
        { "pytest.ini with addopts --collect-only", "pytest.ini", "[pytest]\naddopts = --collect-only -q\n" },
        { "setup.cfg with addopts --collect-only", "setup.cfg", "[tool:pytest]\naddopts = --collect-only\n" },
        { "tox.ini deselecting every test", "tox.ini", "[pytest]\naddopts = -p no:python\n" },
        { "a helpers.py shadowing the instructor's", "helpers.py", "def expected_sum(a, b):\n    return a - b\n" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task HostileFile_WrongAddScoresZero_RightOneFull_NextGradeUnaffected(string attack, string path, string content)
    {
        using var wrong = Calculator(WrongCalc).Submission(path, content);
        using var right = Calculator(RightCalc).Submission(path, content);
        using var next = Calculator(RightCalc);

        var zero = await GradeAsync(wrong);
        var full = await GradeAsync(right);
        var after = await GradeAsync(next);

        var test = Assert.Single(zero.Tests);
        Assert.True(test.Status != TestStatus.Passed, $"{attack}: {test.Status} {test.Message}");
        Assert.Equal(0, zero.Score);
        Assert.Equal(Visibility.Hidden, test.Visibility);
        Assert.Empty(test.Output);
        Assert.True(full.Score == 5, $"{attack}: the right solution got {full.Score} ({Assert.Single(full.Tests).Message})");
        Assert.Equal(5, after.Score);
    }

    [Theory]
    [InlineData("sys.exit(0)", "import sys\nsys.exit(0)\n")]
    [InlineData("os._exit(0)", "import os\nos._exit(0)\n")]
    public async Task ExitZeroAtImportOfTheStudentsModule_ScoresZero_NextGradeUnaffected(string attack, string prelude)
    {
        using var wrong = Calculator(prelude + WrongCalc);
        using var next = Calculator(RightCalc);

        var zero = await GradeAsync(wrong);
        var after = await GradeAsync(next);

        var test = Assert.Single(zero.Tests);
        Assert.True(test.Status != TestStatus.Passed, $"{attack}: {test.Status} {test.Message}");
        Assert.Equal(0, zero.Score);
        Assert.Equal(5, after.Score);
    }

    [Fact]
    public async Task Assignment_ImportedCommandIsHardened()
    {
        using var scenario = Calculator(RightCalc);

        var assignment = await AssignmentLoader.LoadAsync(scenario.AssignmentDirectory, CancellationToken.None);

        var pytest = Assert.Single(assignment.Tests).HardenedPytest;
        Assert.NotNull(pytest);
        Assert.Equal(["tests/test_calc.py"], pytest.Targets);
        Assert.Empty(assignment.Warnings);
    }

    private static Scenario Calculator(string calc)
    {
        var scenario = new Scenario();
        File.WriteAllText(Path.Combine(scenario.AssignmentDirectory, "autograding.json"), Autograding);
        return scenario
            .Hidden("tests/test_calc.py", HiddenTests)
            .Hidden("tests/helpers.py", "def expected_sum(a, b):\n    return a + b\n")
            .Submission("calc.py", calc);
    }
}
