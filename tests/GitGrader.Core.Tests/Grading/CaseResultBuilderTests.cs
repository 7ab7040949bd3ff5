using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Tests.Grading;

public sealed class CaseResultBuilderTests
{
    private const string Secret = "EXPECTED-ANSWER-7f3a9c";

    private static readonly StepVerdict RunPassed = new(TestStatus.Passed, "Passed.");

    [Fact]
    public void Build_ListedCases_OnlyListedCasesScore()
    {
        var test = PytestTest(cases: new Dictionary<string, double> { ["test_mean"] = 2, ["test_median"] = 3 });
        JUnitCase[] found =
        [
            Case("test_stats", "test_mean"),
            Case("test_stats", "test_median", JUnitOutcome.Failed, "assert 2 == 3"),
            Case("test_stats", "test_student_added"),
        ];

        var results = Build(test, found);

        Assert.Equal(["stats › test_mean", "stats › test_median"], results.Select(r => r.Name));
        Assert.Equal([2.0, 0.0], results.Select(r => r.Score));
        Assert.Equal([2.0, 3.0], results.Select(r => r.MaxScore));
        Assert.Equal([TestStatus.Passed, TestStatus.Failed], results.Select(r => r.Status));
        Assert.DoesNotContain(results, r => r.Name.Contains("test_student_added", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ListedCaseMissingWhenRunFine_RuntimeErrorNotReported()
    {
        var test = PytestTest(cases: new Dictionary<string, double> { ["test_mean"] = 2, ["test_mode"] = 1 });

        var results = Build(test, [Case("test_stats", "test_mean")]);

        var missing = results[1];
        Assert.Equal("stats › test_mode", missing.Name);
        Assert.Equal(TestStatus.RuntimeError, missing.Status);
        Assert.Equal(0, missing.Score);
        Assert.Equal(1, missing.MaxScore);
        Assert.Contains("not reported", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ListedCaseMissingWhenRunTimedOut_GetsRunVerdict()
    {
        var test = PytestTest(cases: new Dictionary<string, double> { ["test_mean"] = 2, ["test_mode"] = 1 });
        var runVerdict = new StepVerdict(TestStatus.Timeout, "Timed out after 40 s.");

        var results = CaseResultBuilder.Build(test, [Case("test_stats", "test_mean")], runVerdict, reveal: true, "partial output", 40_000);

        Assert.Equal(TestStatus.Passed, results[0].Status);
        Assert.Equal(TestStatus.Timeout, results[1].Status);
        Assert.Equal("Timed out after 40 s.", results[1].Message);
        Assert.Equal("partial output", results[1].Output);
        Assert.Equal(40_000, results[1].DurationMs);
    }

    [Fact]
    public void Build_ListedCasesAndNoReport_EveryCaseGetsRunVerdict()
    {
        var test = PytestTest(cases: new Dictionary<string, double> { ["a"] = 1, ["b"] = 1 });
        var runVerdict = new StepVerdict(TestStatus.MemoryLimit, "Killed for using more than 256 MiB of memory.");

        var results = CaseResultBuilder.Build(test, null, runVerdict, reveal: true, string.Empty, 5);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(TestStatus.MemoryLimit, r.Status));
        Assert.All(results, r => Assert.Equal(0, r.Score));
    }

    [Fact]
    public void Build_NoCasesListed_SharesRoundToCentsAndAddUpToThePoints()
    {
        var test = PytestTest(points: 10);
        JUnitCase[] found =
        [
            Case("test_stats", "test_a"),
            Case("test_stats", "test_b", JUnitOutcome.Failed, "assert False"),
            Case("test_stats", "test_c"),
        ];

        var results = Build(test, found);

        Assert.Equal(3, results.Count);
        Assert.Equal([3.33, 3.33, 3.34], results.Select(r => r.MaxScore));
        Assert.Equal(10, results.Sum(r => r.MaxScore), precision: 6);
        Assert.Equal([3.33, 0.0, 3.34], results.Select(r => r.Score));
        Assert.Equal(["stats › test_a", "stats › test_b", "stats › test_c"], results.Select(r => r.Name));
    }

    [Fact]
    public void Build_NoCasesListedTwoThirds_RoundsAwayFromZeroLastTakesTheRemainder()
    {
        var test = PytestTest(points: 2);
        JUnitCase[] found = [Case("m", "a"), Case("m", "b"), Case("m", "c")];

        var results = Build(test, found);

        Assert.Equal([0.67, 0.67, 0.66], results.Select(r => r.MaxScore));
        Assert.Equal(2, results.Sum(r => r.MaxScore), precision: 6);
    }

    [Fact]
    public void Build_NoCasesAtAll_SingleZeroResultWithFullPoints()
    {
        var test = PytestTest(points: 10);

        var results = Build(test, []);

        var single = Assert.Single(results);
        Assert.Equal("stats", single.Name);
        Assert.Equal(0, single.Score);
        Assert.Equal(10, single.MaxScore);
        Assert.Equal(TestStatus.RuntimeError, single.Status);
        Assert.Equal("No test results were reported.", single.Message);
    }

    [Fact]
    public void Build_NullCasesAfterCrash_SingleResultWithRunVerdict()
    {
        var test = PytestTest(points: 4);
        var runVerdict = new StepVerdict(TestStatus.RuntimeError, "Crashed: segmentation fault (SIGSEGV).");

        var results = CaseResultBuilder.Build(test, null, runVerdict, reveal: true, "core dumped", 12);

        var single = Assert.Single(results);
        Assert.Equal(TestStatus.RuntimeError, single.Status);
        Assert.Equal("Crashed: segmentation fault (SIGSEGV).", single.Message);
        Assert.Equal("core dumped", single.Output);
        Assert.Equal(4, single.MaxScore);
    }

    [Fact]
    public void Build_CaseWithEmptyName_NotScored()
    {
        var test = PytestTest(points: 10);

        var results = Build(test, [Case("m", string.Empty), Case("m", "test_a")]);

        var single = Assert.Single(results);
        Assert.Equal("stats › test_a", single.Name);
        Assert.Equal(10, single.MaxScore);
    }

    [Theory]
    [InlineData("Failed: Timeout >2.0s", null)]
    [InlineData("Timeout", "E   Failed: Timeout >2.0s")]
    public void Build_PytestTimeoutFailure_Timeout(string message, string? details)
    {
        var results = Build(PytestTest(), [Case("m", "test_slow", JUnitOutcome.Failed, message, details)]);

        var single = Assert.Single(results);
        Assert.Equal(TestStatus.Timeout, single.Status);
        Assert.Equal(0, single.Score);
    }

    [Fact]
    public void Build_MemoryErrorInDetails_MemoryLimit()
    {
        var results = Build(PytestTest(), [Case("m", "test_big", JUnitOutcome.Error, "failed", "Traceback...\nMemoryError")]);

        Assert.Equal(TestStatus.MemoryLimit, Assert.Single(results).Status);
    }

    [Fact]
    public void Build_SyntaxErrorInCollectionError_CompileError()
    {
        var collectionError = Case(
            "test_stats",
            "test_stats",
            JUnitOutcome.Error,
            "collection failure",
            "  File \"/work/submission/stats.py\", line 4\n    def mean(xs)\n                ^\nSyntaxError: expected ':'");

        var results = Build(PytestTest(), [collectionError]);

        Assert.Equal(TestStatus.CompileError, Assert.Single(results).Status);
    }

    [Fact]
    public void Build_ErrorWithoutKnownMarker_RuntimeError()
    {
        var results = Build(PytestTest(), [Case("m", "test_x", JUnitOutcome.Error, "ZeroDivisionError: division by zero")]);

        Assert.Equal(TestStatus.RuntimeError, Assert.Single(results).Status);
    }

    [Fact]
    public void Build_SkippedCase_FailedWithNoPoints()
    {
        var results = Build(PytestTest(), [Case("m", "test_x", JUnitOutcome.Skipped)]);

        var single = Assert.Single(results);
        Assert.Equal(TestStatus.Failed, single.Status);
        Assert.Equal("Skipped.", single.Message);
        Assert.Equal(0, single.Score);
    }

    [Fact]
    public void Build_RevealedFailure_FirstLineOfMessageAndDetails()
    {
        var failing = Case("m", "test_x", JUnitOutcome.Failed, "assert 3 == 2\n +  where 3 = f()", "def test_x():\n>   assert f() == 2");

        var single = Assert.Single(Build(PytestTest(), [failing], reveal: true));

        Assert.Equal("assert 3 == 2", single.Message);
        Assert.Equal("def test_x():\n>   assert f() == 2", single.Output);
    }

    [Fact]
    public void Build_RevealedPass_NoOutput()
    {
        var single = Assert.Single(Build(PytestTest(), [Case("m", "test_x") with { Details = "captured stdout" }], reveal: true));

        Assert.Equal("Passed.", single.Message);
        Assert.Equal(string.Empty, single.Output);
    }

    [Theory]
    [InlineData(JUnitOutcome.Failed, TestStatus.Failed, "Failed.")]
    [InlineData(JUnitOutcome.Error, TestStatus.RuntimeError, "Raised an error.")]
    public void Build_HiddenFailureWithSecret_GenericMessageAndNoOutput(JUnitOutcome outcome, TestStatus status, string message)
    {
        var test = PytestTest(visibility: Visibility.Hidden, cases: new Dictionary<string, double> { ["test_secret"] = 1, ["test_gone"] = 1 });
        var failing = Case("test_edge", "test_secret", outcome, $"assert 41 == {Secret}", $">   assert answer() == '{Secret}'\nE   AssertionError: {Secret}");

        var results = CaseResultBuilder.Build(test, [failing], RunPassed, reveal: false, $"run output with {Secret}", 9);

        Assert.Equal(status, results[0].Status);
        Assert.Equal(message, results[0].Message);
        Assert.All(results, r => Assert.Equal(string.Empty, r.Output));
        Assert.All(results, r => Assert.Equal(Visibility.Hidden, r.Visibility));
        Assert.All(results, AssertNoSecret);
    }

    [Fact]
    public void Build_HiddenNoCasesWithSecretOutput_NoOutput()
    {
        var test = PytestTest(visibility: Visibility.Hidden);
        var runVerdict = new StepVerdict(TestStatus.RuntimeError, "The test run ended without reporting results.");

        var results = CaseResultBuilder.Build(test, null, runVerdict, reveal: false, $"Traceback: {Secret}", 9);

        var single = Assert.Single(results);
        Assert.Equal(string.Empty, single.Output);
        AssertNoSecret(single);
    }

    [Fact]
    public void Build_DuplicateNamesAcrossClasses_ClassQualifiedDisplayNames()
    {
        JUnitCase[] found =
        [
            Case("com.example.ListTest", "testEmpty"),
            Case("com.example.MapTest", "testEmpty"),
            Case("com.example.MapTest", "testPut"),
        ];

        var results = Build(JUnitTest(), found);

        Assert.Equal(
            ["calc › com.example.ListTest.testEmpty", "calc › com.example.MapTest.testEmpty", "calc › testPut"],
            results.Select(r => r.Name));
    }

    [Theory]
    [InlineData("testAdd")]
    [InlineData("com.example.CalcTest.testAdd")]
    [InlineData("com.example.CalcTest::testAdd")]
    public void Build_CasesKeyForms_MatchReportedCase(string key)
    {
        var test = JUnitTest(cases: new Dictionary<string, double> { [key] = 4 });

        var results = Build(test, [Case("com.example.CalcTest", "testAdd")]);

        var single = Assert.Single(results);
        Assert.Equal(TestStatus.Passed, single.Status);
        Assert.Equal(4, single.Score);
        Assert.Equal($"calc › {key}", single.Name);
    }

    [Theory]
    [InlineData("CalcTest.testAdd")]
    [InlineData("testadd")]
    [InlineData("com.example.OtherTest.testAdd")]
    public void Build_CasesKeyNotMatching_NotReported(string key)
    {
        var test = JUnitTest(cases: new Dictionary<string, double> { [key] = 4 });

        var results = Build(test, [Case("com.example.CalcTest", "testAdd")]);

        var single = Assert.Single(results);
        Assert.Equal(TestStatus.RuntimeError, single.Status);
        Assert.Equal(0, single.Score);
    }

    [Fact]
    public void Build_CaseWithTime_DurationFromCase()
    {
        var results = Build(PytestTest(), [Case("m", "test_x") with { TimeSeconds = 0.25 }]);

        Assert.Equal(250, Assert.Single(results).DurationMs);
    }

    private static void AssertNoSecret(TestResult result)
    {
        Assert.DoesNotContain(Secret, result.Name, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Message ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Expected ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Actual ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StudentClassWithTheSameCaseName_CannotTakeTheListedCasesPoints()
    {
        var test = JUnitTest(cases: new Dictionary<string, double> { ["testAdd"] = 4 });
        JUnitCase[] found =
        [
            Case("StudentTest", "testAdd"),
            Case("com.example.CalcTest", "testAdd", JUnitOutcome.Failed, "expected 5"),
        ];

        var result = Assert.Single(Build(test, found));

        Assert.Equal(TestStatus.Failed, result.Status);
        Assert.Equal(0, result.Score);
    }

    private static IReadOnlyList<TestResult> Build(TestDefinition test, IReadOnlyList<JUnitCase> cases, bool reveal = true) =>
        CaseResultBuilder.Build(test, cases, RunPassed, reveal, string.Empty, 100);

    private static JUnitCase Case(string className, string name, JUnitOutcome outcome = JUnitOutcome.Passed, string? message = null, string? details = null) =>
        new(className, name, outcome, message, details, 0);

    private static TestDefinition PytestTest(double points = 1, Visibility visibility = Visibility.Visible, IReadOnlyDictionary<string, double>? cases = null) => new()
    {
        Name = "stats",
        Kind = TestKind.Pytest,
        Files = ["test_stats.py"],
        Points = points,
        Visibility = visibility,
        Cases = cases,
    };

    private static TestDefinition JUnitTest(IReadOnlyDictionary<string, double>? cases = null) => new()
    {
        Name = "calc",
        Kind = TestKind.JUnit,
        Run = "gradle test",
        ReportPath = "build/test-results/TEST-calc.xml",
        Points = 6,
        Cases = cases,
    };
}
