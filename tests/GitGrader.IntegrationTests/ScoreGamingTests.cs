using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>Submissions that try to change how the hidden tests are found or scored, or to read them back.</summary>
[Collection(DockerCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class ScoreGamingTests : GraderTestBase
{
    private const string PytestAssignment = """
        name: Calculator
        image: gitgrader/python:latest
        limits: { timeout: 5s }
        tests:
          - name: unit
            kind: pytest
            files: [test_calc.py]
            cases: { test_add: 2, test_mul: 3 }
            visibility: hidden
        """;

    private const string HiddenTests = """
        import calc

        def test_add():
            assert calc.add(2, 3) == 5

        def test_mul():
            assert calc.mul(2, 3) == 6
        """;

    private const string WrongCalc = "def add(a, b):\n    return 0\n\ndef mul(a, b):\n    return 0\n";

    public ScoreGamingTests(DockerFixture docker)
        : base(docker)
    {
    }

    private static Scenario Calculator(string calc) =>
        new Scenario().Assignment(PytestAssignment).Hidden("test_calc.py", HiddenTests).Submission("calc.py", calc);

    [Fact]
    public async Task RightSolution_ScoresFull_WrongScoresZero()
    {
        using var right = Calculator("def add(a, b):\n    return a + b\n\ndef mul(a, b):\n    return a * b\n");
        using var wrong = Calculator(WrongCalc);

        var full = await GradeAsync(right);
        var zero = await GradeAsync(wrong);

        Assert.Equal(5, full.Score);
        Assert.Equal(5, full.MaxScore);
        Assert.Equal(2, full.Tests.Count);
        Assert.Equal(0, zero.Score);
        Assert.All(zero.Tests, t => Assert.Equal(TestStatus.Failed, t.Status));
    }

    [Fact]
    public async Task ConftestThatForcesPasses_ScoresZero()
    {
        using var scenario = Calculator(WrongCalc).Submission("conftest.py", """
            import pytest

            @pytest.hookimpl(hookwrapper=True)
            def pytest_runtest_makereport(item, call):
                outcome = yield
                report = outcome.get_result()
                report.outcome = "passed"
                report.longrepr = None
            """);

        var report = await GradeAsync(scenario);

        Assert.Equal(0, report.Score);
    }

    [Fact]
    public async Task IniFilesAndSitecustomize_AreIgnored()
    {
        using var scenario = Calculator(WrongCalc)
            .Submission("pytest.ini", "[pytest]\naddopts = -p no:junitxml --deselect test_calc.py::test_add\npython_functions = nothing_matches\n")
            .Submission("setup.cfg", "[tool:pytest]\naddopts = -k nothing\n")
            .Submission("tox.ini", "[pytest]\naddopts = -k nothing\n")
            .Submission("sitecustomize.py", "import builtins\nbuiltins.__dict__['AssertionError'] = type('Nope', (Exception,), {})\n")
            .Submission("usercustomize.py", "raise SystemExit(0)\n");

        var report = await GradeAsync(scenario);

        Assert.Equal(0, report.Score);
        Assert.All(report.Tests, t => Assert.Equal(TestStatus.Failed, t.Status));
    }

    [Fact]
    public async Task FilesShadowingTheStandardLibraryAndTestModule_AreNotImported()
    {
        // A student "test_calc.py" full of passing tests, and a "pytest.py" / "unittest.py" / "json.py"
        // that would make every import of those modules do the student's bidding.
        using var scenario = Calculator(WrongCalc)
            .Submission("test_calc.py", "def test_add():\n    pass\n\ndef test_mul():\n    pass\n")
            .Submission("pytest.py", "raise SystemExit(0)\n")
            .Submission("unittest.py", "raise SystemExit(0)\n")
            .Submission("json.py", "raise SystemExit(0)\n")
            .Submission("_pytest/__init__.py", "raise SystemExit(0)\n");

        var report = await GradeAsync(scenario);

        Assert.Equal(0, report.Score);
        Assert.All(report.Tests, t => Assert.Equal(TestStatus.Failed, t.Status));
    }

    [Fact]
    public async Task ExitingEarlyWithStatusZero_ScoresZero()
    {
        using var scenario = Calculator("import os\nos._exit(0)\n");

        var report = await GradeAsync(scenario);

        Assert.Equal(0, report.Score);
        Assert.All(report.Tests, t => Assert.NotEqual(TestStatus.Passed, t.Status));
    }

    [Fact]
    public async Task HiddenTestSourcesAndExpectedOutputs_NeverReachTheReport()
    {
        var token = "hidden-token-" + Guid.NewGuid().ToString("N");
        using var scenario = new Scenario().Assignment($$"""
            name: Secrets
            image: gitgrader/python:latest
            limits: { timeout: 5s }
            tests:
              - name: visible echo
                kind: io
                run: python3 leak.py
                input: "hi\n"
                expected: "hi"
                points: 1
              - name: hidden io
                kind: io
                run: python3 leak.py
                input: "hi\n"
                expected: "{{token}}"
                points: 1
                visibility: hidden
              - name: hidden unit
                kind: pytest
                files: [test_secret.py]
                points: 1
                visibility: hidden
            """)
            .Hidden("test_secret.py", $"def test_secret():\n    assert '{token}' == 'x', '{token}'\n")
            // The program prints everything it can find: the hidden folder, the working copy, its environment.
            .Submission("leak.py", """
                import os, sys
                sys.stdin.read()
                for root in ("/work/hidden", "/work/submission", "/work/results"):
                    for folder, _, files in os.walk(root):
                        for name in files:
                            try:
                                print(open(os.path.join(folder, name)).read())
                            except OSError:
                                pass
                print(dict(os.environ))
                """);

        var report = await GradeAsync(scenario);

        var json = JsonReportWriter.Write(report);
        var markdown = new MarkdownReportRenderer().Render(report);
        Assert.DoesNotContain(token, json, StringComparison.Ordinal);
        Assert.DoesNotContain(token, markdown, StringComparison.Ordinal);
        Assert.Equal(TestStatus.Failed, Single(report, "hidden io").Status);
        Assert.Equal(TestStatus.Failed, Assert.Single(report.Tests, t => t.Name.StartsWith("hidden unit", StringComparison.Ordinal)).Status);
        Assert.All(report.Tests.Where(t => t.Visibility != Core.Assignments.Visibility.Visible), t => Assert.Empty(t.Output));
    }

    [Fact]
    public async Task VisibleTestsWithFiles_SeeOnlyTheirOwnFiles_NeverTheHiddenOnes()
    {
        var token = "hidden-only-" + Guid.NewGuid().ToString("N");
        const string PrintEverything = """
            import os
            for root in ("/work/hidden", "/work/submission"):
                for folder, _, files in os.walk(root):
                    for name in files:
                        try:
                            print(os.path.join(folder, name), open(os.path.join(folder, name)).read())
                        except OSError:
                            pass
            """;
        using var scenario = new Scenario().Assignment("""
            name: Leaks
            image: gitgrader/python:latest
            limits: { timeout: 5s }
            tests:
              - name: visible run with files
                kind: run
                run: python3 visible_check.py && python3 leak.py && exit 1
                files: [visible_check.py]
                points: 1
              - name: visible pytest
                kind: pytest
                files: [test_visible.py]
                points: 1
              - name: hidden
                kind: pytest
                files: [test_hidden.py]
                points: 1
                visibility: hidden
            """)
            .Hidden("visible_check.py", "print('visible check ran')\n")
            .Hidden("test_visible.py", "import leak\n\ndef test_visible():\n    assert False, 'see the output'\n")
            .Hidden("test_hidden.py", $"def test_hidden():\n    assert '{token}'\n")
            .Submission("leak.py", PrintEverything);

        var report = await GradeAsync(scenario);

        var visibleRun = Single(report, "visible run with files");
        Assert.Contains("visible check ran", visibleRun.Output, StringComparison.Ordinal);
        Assert.Contains("visible_check.py", visibleRun.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("test_hidden.py", visibleRun.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token, JsonReportWriter.Write(report), StringComparison.Ordinal);
        Assert.Equal(TestStatus.Passed, Assert.Single(report.Tests, t => t.Name.StartsWith("hidden", StringComparison.Ordinal)).Status);
    }

    [Fact]
    public async Task ClassroomLayout_HiddenFileReplacesTheStudentsCopy()
    {
        using var scenario = new Scenario();
        File.WriteAllText(Path.Combine(scenario.AssignmentDirectory, "autograding.json"), """
            {"tests":[{"name":"unit","setup":"","run":"python3 -m pytest -q tests/test_calc.py","input":"","output":"","comparison":"included","timeout":1,"points":5}]}
            """);
        scenario.Hidden("tests/test_calc.py", HiddenTests)
            .Submission("calc.py", WrongCalc)
            .Submission("tests/test_calc.py", "def test_add():\n    pass\n");

        var report = await GradeAsync(scenario);

        var test = Assert.Single(report.Tests);
        Assert.Equal(TestStatus.Failed, test.Status);
        Assert.Equal(Core.Assignments.Visibility.Hidden, test.Visibility);
    }
}
