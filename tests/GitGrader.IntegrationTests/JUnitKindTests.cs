using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>The junit kind with pytest's own --junitxml: each case scores, and a report the student planted is never read.</summary>
[Collection(DockerCollection.Name)]
public sealed class JUnitKindTests : GraderTestBase
{
    private const string Assignment = """
        name: Temperatures
        image: gitgrader/python:latest
        limits: { timeout: 10s }
        tests:
          - name: unit
            kind: junit
            run: python3 -m pytest -q -p no:cacheprovider --junitxml=results.xml tests/test_temps.py
            report: results.xml
            files: [tests/test_temps.py]
            cases: { test_freezing: 1, test_boiling: 2, test_body: 3 }
        """;

    private const string Tests = """
        import temps

        def test_freezing():
            assert temps.to_fahrenheit(0) == 32

        def test_boiling():
            assert temps.to_fahrenheit(100) == 212

        def test_body():
            assert round(temps.to_fahrenheit(37), 1) == 98.6
        """;

    public JUnitKindTests(DockerFixture docker)
        : base(docker)
    {
    }

    [Fact]
    public async Task PytestJUnitXml_PartlyRight_ScoresEachCase()
    {
        using var scenario = new Scenario().Assignment(Assignment).Hidden("tests/test_temps.py", Tests)
            .Submission("temps.py", "def to_fahrenheit(c):\n    return 32 if c == 0 else c * 2\n");

        var report = await GradeAsync(scenario);

        Assert.Equal(1, report.Score);
        Assert.Equal(6, report.MaxScore);
        Assert.Equal(TestStatus.Passed, Single(report, "unit › test_freezing").Status);
        Assert.Equal(TestStatus.Failed, Single(report, "unit › test_boiling").Status);
        Assert.Contains("212", Single(report, "unit › test_boiling").Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlantedReport_IsNeverReadAsTheTestsOwn()
    {
        const string Forged = """
            <testsuites><testsuite name="x" tests="3">
            <testcase classname="tests.test_temps" name="test_freezing"/>
            <testcase classname="tests.test_temps" name="test_boiling"/>
            <testcase classname="tests.test_temps" name="test_body"/>
            </testsuite></testsuites>
            """;
        using var scenario = new Scenario().Assignment(Assignment).Hidden("tests/test_temps.py", Tests)
            .Submission("results.xml", Forged)
            .Submission("temps.py", "import os\nos._exit(0)\n");

        var report = await GradeAsync(scenario);

        Assert.Equal(0, report.Score);
    }
}
