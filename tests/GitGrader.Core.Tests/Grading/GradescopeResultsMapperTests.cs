using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading.Gradescope;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Tests.Grading;

public sealed class GradescopeResultsMapperTests
{
    /// <summary>A results.json shaped like the example in Gradescope's autograder specification, comments and all.</summary>
    private const string FullResults = """
        { "score": 7.0, // optional, but required if not on each test case below
          "execution_time": 136, // optional, seconds
          "output": "Text relevant to the entire submission",
          "output_format": "simple_format",
          "test_output_format": "text",
          "test_name_format": "text",
          "visibility": "visible",
          "stdout_visibility": "visible",
          "extra_data": { "run": 7, "nested": [1, { "a": null }] },
          "tests": [
            {
              "score": 2.0,
              "max_score": 2.0,
              "status": "passed",
              "name": "test_reverse",
              "name_format": "text",
              "number": "1.1",
              "output": "reverse('abc') == 'cba'",
              "output_format": "text",
              "tags": ["strings", "easy"],
              "visibility": "visible",
              "extra_data": { "attempt": 1 }
            },
            {
              "score": 0.0,
              "max_score": 3.0,
              "status": "failed",
              "name": "test_palindrome",
              "number": "1.2",
              "output": "AssertionError: expected True for 'racecar', got False",
              "tags": [],
              "visibility": "visible"
            },
            {
              "score": 5.0,
              "max_score": 5.0,
              "name": "test_hidden_edge_cases",
              "output": "checked 40 hidden inputs",
              "visibility": "hidden"
            }
          ],
          "leaderboard": [
            { "name": "Accuracy", "value": 0.926 },
            { "name": "Time", "value": 15.1, "order": "asc" }
          ]
        }
        """;

    private static IReadOnlyList<TestResult> Map(string json, bool revealHidden = false, bool revealAfterDueDate = false, long durationMs = 1234)
    {
        var results = GradescopeResultsMapper.TryMap(Encoding.UTF8.GetBytes(json), revealHidden, revealAfterDueDate, durationMs, out var problem);

        Assert.Null(problem);
        Assert.NotNull(results);
        return results;
    }

    private static string? Problem(string json)
    {
        var results = GradescopeResultsMapper.TryMap(Encoding.UTF8.GetBytes(json), revealHidden: false, revealAfterDueDate: false, 0, out var problem);

        Assert.Null(results);
        return problem;
    }

    [Fact]
    public void TryMap_FullSpecExample_MapsEachTest()
    {
        var results = Map(FullResults, durationMs: 4321);

        Assert.Equal(3, results.Count);

        Assert.Equal("1.1 test_reverse", results[0].Name);
        Assert.Equal(TestStatus.Passed, results[0].Status);
        Assert.Equal(2.0, results[0].Score);
        Assert.Equal(2.0, results[0].MaxScore);
        Assert.Equal(Visibility.Visible, results[0].Visibility);
        Assert.Equal("reverse('abc') == 'cba'", results[0].Output);
        Assert.Equal(4321, results[0].DurationMs);

        Assert.Equal("1.2 test_palindrome", results[1].Name);
        Assert.Equal(TestStatus.Failed, results[1].Status);
        Assert.Equal(0.0, results[1].Score);
        Assert.Equal(3.0, results[1].MaxScore);
        Assert.Equal("AssertionError: expected True for 'racecar', got False", results[1].Output);

        Assert.Equal("test_hidden_edge_cases", results[2].Name);
        Assert.Equal(TestStatus.Passed, results[2].Status);
        Assert.Equal(5.0, results[2].Score);
        Assert.Equal(5.0, results[2].MaxScore);
        Assert.Equal(Visibility.Hidden, results[2].Visibility);
        Assert.Equal(string.Empty, results[2].Output);
    }

    [Fact]
    public void TryMap_FullSpecExample_TopLevelScoreEqualsSum_AddsNoAdjustment()
    {
        var results = Map(FullResults);

        Assert.DoesNotContain(results, r => r.Name == "Autograder total");
        Assert.Equal(7.0, results.Sum(r => r.Score));
    }

    [Fact]
    public void TryMap_FailedAndPassed_MessagesSayTheVerdictOnly()
    {
        var results = Map(FullResults);

        Assert.Equal("Passed.", results[0].Message);
        Assert.Equal("Failed.", results[1].Message);
        Assert.Equal("Passed.", results[2].Message);
    }

    [Fact]
    public void TryMap_NumberWithoutName_UsesNumber()
    {
        var results = Map("""{"tests":[{"score":1,"max_score":1,"number":"2.3"}]}""");

        Assert.Equal("2.3", Assert.Single(results).Name);
    }

    [Fact]
    public void TryMap_NeitherNameNorNumber_NamesByPosition()
    {
        var results = Map("""{"tests":[{"score":1,"max_score":1,"name":"first"},{"score":0,"max_score":1}]}""");

        Assert.Equal(["first", "Test 2"], results.Select(r => r.Name));
    }

    [Theory]
    [InlineData("2", "2", TestStatus.Passed)]
    [InlineData("3", "2", TestStatus.Passed)]
    [InlineData("1.5", "2", TestStatus.Failed)]
    [InlineData("0", "2", TestStatus.Failed)]
    [InlineData("0", "0", TestStatus.Passed)]
    public void TryMap_StatusAbsent_PassedIffScoreReachesMax(string score, string max, TestStatus expected)
    {
        var results = Map($$"""{"tests":[{"name":"t","score":{{score}},"max_score":{{max}}}]}""");

        Assert.Equal(expected, Assert.Single(results).Status);
    }

    [Theory]
    [InlineData("failed", "2", TestStatus.Failed)]
    [InlineData("passed", "0", TestStatus.Passed)]
    [InlineData("PASSED", "0", TestStatus.Passed)]
    public void TryMap_StatusPresent_StatusDecidesVerdict(string status, string score, TestStatus expected)
    {
        var results = Map($$"""{"tests":[{"name":"t","score":{{score}},"max_score":2,"status":"{{status}}"}]}""");

        var result = Assert.Single(results);
        Assert.Equal(expected, result.Status);
        Assert.Equal(double.Parse(score, System.Globalization.CultureInfo.InvariantCulture), result.Score);
    }

    [Fact]
    public void TryMap_MaxScoreAbsent_MaxIsTheScoreAndPasses()
    {
        var results = Map("""{"tests":[{"name":"bonus","score":1.5}]}""");

        var result = Assert.Single(results);
        Assert.Equal(1.5, result.Score);
        Assert.Equal(1.5, result.MaxScore);
        Assert.Equal(TestStatus.Passed, result.Status);
    }

    [Fact]
    public void TryMap_ScoreAndMaxAbsent_ZeroOfZero()
    {
        var results = Map("""{"tests":[{"name":"style","status":"failed","output":"lint errors"}]}""");

        var result = Assert.Single(results);
        Assert.Equal(0, result.Score);
        Assert.Equal(0, result.MaxScore);
        Assert.Equal(TestStatus.Failed, result.Status);
    }

    [Theory]
    [InlineData("visible", Visibility.Visible)]
    [InlineData("hidden", Visibility.Hidden)]
    [InlineData("after_due_date", Visibility.AfterDueDate)]
    [InlineData("after_published", Visibility.Hidden)]
    [InlineData("Hidden", Visibility.Hidden)]
    public void TryMap_TestVisibility_MapsToGitGraderVisibility(string visibility, Visibility expected)
    {
        var results = Map($$"""{"tests":[{"name":"t","score":1,"max_score":1,"visibility":"{{visibility}}"}]}""");

        Assert.Equal(expected, Assert.Single(results).Visibility);
    }

    [Fact]
    public void TryMap_NoVisibilityAnywhere_Visible()
    {
        var results = Map("""{"tests":[{"name":"t","score":1,"max_score":1,"output":"shown"}]}""");

        var result = Assert.Single(results);
        Assert.Equal(Visibility.Visible, result.Visibility);
        Assert.Equal("shown", result.Output);
    }

    [Fact]
    public void TryMap_TopLevelVisibility_IsTheDefaultForTests()
    {
        var results = Map("""
            {
              "visibility": "after_due_date",
              "tests": [
                {"name":"inherits","score":1,"max_score":1,"output":"secret"},
                {"name":"own","score":1,"max_score":1,"output":"public","visibility":"visible"},
                {"name":"stricter","score":1,"max_score":1,"output":"secret","visibility":"hidden"}
              ]
            }
            """);

        Assert.Equal([Visibility.AfterDueDate, Visibility.Visible, Visibility.Hidden], results.Select(r => r.Visibility));
        Assert.Equal(["", "public", ""], results.Select(r => r.Output));
    }

    [Theory]
    [InlineData("visible", false, false, true)]
    [InlineData("hidden", false, false, false)]
    [InlineData("hidden", false, true, false)]
    [InlineData("hidden", true, false, true)]
    [InlineData("after_published", false, true, false)]
    [InlineData("after_published", true, false, true)]
    [InlineData("after_due_date", false, false, false)]
    [InlineData("after_due_date", false, true, true)]
    [InlineData("after_due_date", true, false, true)]
    public void TryMap_Visibility_OutputOnlyWhenRevealed(string visibility, bool revealHidden, bool revealAfterDueDate, bool shown)
    {
        var json = $$"""{"tests":[{"name":"t","score":0,"max_score":1,"status":"failed","output":"expected 42, got 41","visibility":"{{visibility}}"}]}""";

        var result = Assert.Single(Map(json, revealHidden, revealAfterDueDate));

        Assert.Equal(shown ? "expected 42, got 41" : string.Empty, result.Output);
    }

    [Fact]
    public void TryMap_HiddenTest_StillShowsNameVerdictAndPoints()
    {
        var json = """{"tests":[{"name":"secret case","score":0,"max_score":4,"status":"failed","output":"input was 17","visibility":"hidden"}]}""";

        var result = Assert.Single(Map(json));

        Assert.Equal("secret case", result.Name);
        Assert.Equal(TestStatus.Failed, result.Status);
        Assert.Equal(0, result.Score);
        Assert.Equal(4, result.MaxScore);
        Assert.DoesNotContain("17", result.Output + result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryMap_TopLevelScoreBelowSum_AddsNegativeAdjustmentSoSumIsTotal()
    {
        var json = """
            {
              "score": 3,
              "tests": [
                {"name":"a","score":2,"max_score":2},
                {"name":"b","score":3,"max_score":3}
              ]
            }
            """;

        var results = Map(json, durationMs: 99);

        Assert.Equal(3, results.Count);
        var adjustment = results[^1];
        Assert.Equal("Autograder total", adjustment.Name);
        Assert.Equal(-2, adjustment.Score);
        Assert.Equal(0, adjustment.MaxScore);
        Assert.Equal(Visibility.Visible, adjustment.Visibility);
        Assert.Equal(99, adjustment.DurationMs);
        Assert.Contains("total score to 3", adjustment.Message, StringComparison.Ordinal);
        Assert.Equal(3, results.Sum(r => r.Score), precision: 6);
        Assert.Equal(5, results.Sum(r => r.MaxScore), precision: 6);
    }

    [Fact]
    public void TryMap_TopLevelScoreAboveSum_AddsPositiveAdjustment()
    {
        var json = """{"score": 8.5, "tests": [{"name":"a","score":1,"max_score":5}]}""";

        var results = Map(json);

        var adjustment = results[^1];
        Assert.Equal("Autograder total", adjustment.Name);
        Assert.Equal(7.5, adjustment.Score);
        Assert.Equal(8.5, results.Sum(r => r.Score), precision: 6);
    }

    [Fact]
    public void TryMap_TopLevelScoreWithinRounding_AddsNoAdjustment()
    {
        var json = """{"score": 3.001, "tests": [{"name":"a","score":1,"max_score":1},{"name":"b","score":2,"max_score":2}]}""";

        var results = Map(json);

        Assert.Equal(["a", "b"], results.Select(r => r.Name));
    }

    [Fact]
    public void TryMap_OnlyScore_SingleTotalLineWorthTheScore()
    {
        var results = Map("""{"score": 44.0, "execution_time": 136, "output": "Good job"}""");

        var result = Assert.Single(results);
        Assert.Equal("Autograder total", result.Name);
        Assert.Equal(44, result.Score);
        Assert.Equal(44, result.MaxScore);
        Assert.Equal(TestStatus.Passed, result.Status);
    }

    [Fact]
    public void TryMap_EmptyTestsWithoutScore_NoResultsNoProblem()
    {
        var results = Map("""{"tests": []}""");

        Assert.Empty(results);
    }

    [Fact]
    public void TryMap_NumbersAsStrings_Parsed()
    {
        var json = """{"score": "10", "tests": [{"name":"t","score":"2.0","max_score":"4"}]}""";

        var results = Map(json);

        Assert.Equal(TestStatus.Failed, results[0].Status);
        Assert.Equal(2, results[0].Score);
        Assert.Equal(4, results[0].MaxScore);
        Assert.Equal(8, results[1].Score);
        Assert.Equal(10, results.Sum(r => r.Score), precision: 6);
    }

    [Fact]
    public void TryMap_LongFractions_RoundedToTwoDecimals()
    {
        var results = Map("""{"tests":[{"name":"t","score":0.333333,"max_score":0.666666}]}""");

        var result = Assert.Single(results);
        Assert.Equal(0.33, result.Score);
        Assert.Equal(0.67, result.MaxScore);
    }

    [Fact]
    public void TryMap_UnknownFieldsEverywhere_Ignored()
    {
        var json = """
            {
              "schema_version": 99,
              "future": { "deep": [1, 2, { "x": [true, null] }] },
              "tests": [
                { "name": "t", "score": 1, "max_score": 1, "weight": "heavy", "hints": ["a", "b"], "extra_data": { "k": { "v": 1 } } }
              ],
              "leaderboard": []
            }
            """;

        var result = Assert.Single(Map(json));

        Assert.Equal("t", result.Name);
        Assert.Equal(TestStatus.Passed, result.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("""{"tests": [{"name": "t", "score": 1""")]
    [InlineData("""{"tests": "lots"}""")]
    [InlineData("""{"score": "two"}""")]
    [InlineData("[]")]
    public void TryMap_MalformedJson_NullWithInvalidJsonProblem(string json)
    {
        var problem = Problem(json);

        Assert.NotNull(problem);
        Assert.Contains("results.json is not valid JSON", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("""{"tests": null, "score": null}""")]
    [InlineData("""{"output": "I forgot the tests", "visibility": "visible"}""")]
    public void TryMap_NeitherTestsNorScore_NullWithProblemNamingBoth(string json)
    {
        var problem = Problem(json);

        Assert.Equal("The autograder's results.json has neither 'tests' nor 'score'.", problem);
    }

    [Fact]
    public void TryMap_HostileOutput_AnsiAndControlCharactersRemoved()
    {
        var json = """
            {"tests":[{
              "name":"\u001b[2J\u001b[31mred\u001b[0m name\u0007",
              "score":0,"max_score":1,
              "output":"\u001b[1;31mFAIL\u001b[0m\u0007 done\r\nnext\u0000line\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007\u0008"
            }]}
            """;

        var result = Assert.Single(Map(json));

        Assert.Equal("red name", result.Name);
        Assert.Equal("FAIL done\nnextlinelink", result.Output);
    }

    [Fact]
    public void TryMap_HugeOutputAndName_Truncated()
    {
        var json = $$"""{"tests":[{"name":"{{new string('n', 1_000)}}","score":1,"max_score":1,"output":"{{new string('o', 100_000)}}"}]}""";

        var result = Assert.Single(Map(json));

        Assert.True(result.Name.Length <= 200, $"name has {result.Name.Length} characters");
        Assert.True(result.Output.Length <= 8_000, $"output has {result.Output.Length} characters");
        Assert.Contains("truncated", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("ooooo", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TryMap_NumberAsJsonNumber_IsAcceptedAndNamesTheTest()
    {
        var result = Assert.Single(Map("""{"tests":[{"name":"t","number":1,"score":1,"max_score":1}]}"""));

        Assert.Equal("1 t", result.Name);
    }

    [Theory]
    [InlineData("visble")]
    [InlineData("secret")]
    public void TryMap_UnknownVisibility_FailsSafeToHidden(string visibility)
    {
        var result = Assert.Single(Map($$"""{"tests":[{"name":"t","score":0,"max_score":1,"visibility":"{{visibility}}","output":"leak"}]}"""));

        Assert.Equal(Visibility.Hidden, result.Visibility);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void SummaryOutput_VisibleResults_ReturnsTheTopLevelOutput()
    {
        var json = Encoding.UTF8.GetBytes("""{"output":"Well done","tests":[]}""");

        Assert.Equal("Well done", GradescopeResultsMapper.SummaryOutput(json, revealHidden: false));
    }

    [Fact]
    public void SummaryOutput_HiddenResults_ReturnsNothingUnlessRevealed()
    {
        var json = Encoding.UTF8.GetBytes("""{"output":"secret","visibility":"hidden","tests":[]}""");

        Assert.Null(GradescopeResultsMapper.SummaryOutput(json, revealHidden: false));
        Assert.Equal("secret", GradescopeResultsMapper.SummaryOutput(json, revealHidden: true));
    }
}
