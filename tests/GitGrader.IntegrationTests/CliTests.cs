using System.Text.Json;
using GitGrader.IntegrationTests.Support;
using Markdig;
using Markdig.Syntax;

namespace GitGrader.IntegrationTests;

/// <summary>The <c>gitgrader</c> command as instructors use it: grade, validate, and what it says when it cannot.</summary>
[Collection(DockerCollection.Name)]
public sealed class CliTests
{
    private static readonly string WordCount = Path.Combine("assignment-templates", "python-wordcount");

    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.GetDirectories(RepositoryPaths.Templates).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Validate_EveryTemplate_Passes(string template)
    {
        var result = await CliRunner.RunAsync("validate", Path.Combine("assignment-templates", template));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("OK", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GradeJson_Solution_PrintsExactlyOneDocumentWithFullMarks()
    {
        var result = await CliRunner.RunAsync("grade", WordCount, Path.Combine(WordCount, "solution"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Equal("Word count", root.GetProperty("assignment").GetString()?[..10]);
        Assert.Equal(root.GetProperty("max_score").GetDouble(), root.GetProperty("score").GetDouble());
        Assert.True(root.GetProperty("duration_ms").GetInt64() > 0);
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(4, tests.Count);
        foreach (var test in tests)
        {
            Assert.Equal("passed", test.GetProperty("status").GetString());
            Assert.Contains(test.GetProperty("visibility").GetString(), new[] { "visible", "hidden", "after_due_date" });
            Assert.True(test.TryGetProperty("output", out _));
            Assert.True(test.TryGetProperty("max_score", out _));
        }
    }

    [Fact]
    public async Task GradeJson_Starter_HiddenTestsShowNothingBeyondTheVerdict()
    {
        var result = await CliRunner.RunAsync("grade", WordCount, Path.Combine(WordCount, "starter"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.True(root.GetProperty("score").GetDouble() < root.GetProperty("max_score").GetDouble());
        foreach (var test in root.GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("visibility").GetString() == "hidden"))
        {
            Assert.Equal(string.Empty, test.GetProperty("output").GetString());
            Assert.False(test.TryGetProperty("expected", out _));
            Assert.False(test.TryGetProperty("actual", out _));
        }
    }

    [Fact]
    public async Task GradeMarkdown_Starter_IsOneTableUnderTheSizeLimit()
    {
        var result = await CliRunner.RunAsync("grade", WordCount, Path.Combine(WordCount, "starter"), "--markdown");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Stdout.Length <= 65_535);
        var document = Markdown.Parse(result.Stdout, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.Single(document.Descendants<Markdig.Extensions.Tables.Table>());
        Assert.Empty(document.Descendants<HtmlBlock>());
    }

    [Fact]
    public async Task Grade_Terminal_PrintsTableAndScore()
    {
        var result = await CliRunner.RunAsync("grade", WordCount, Path.Combine(WordCount, "solution"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Score: 10/10", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Verdict", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_AssignmentWithTypo_ExitsTwoNamingFileLineAndKey()
    {
        using var scenario = new Scenario().Assignment("""
            name: Typo
            image: gitgrader/python:latest
            tests:
              - name: one
                run: "true"
                pionts: 3
            """);

        var result = await CliRunner.RunAsync("grade", scenario.AssignmentDirectory, scenario.SubmissionDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("assignment.yml:6", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("points", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout.Trim());
    }

    [Fact]
    public async Task Grade_EngineUnreachable_ExitsThreeWithTheFix()
    {
        var result = await CliRunner.RunAsync("grade", WordCount, Path.Combine(WordCount, "solution"), "--json", "--docker-host", "unix:///nonexistent/docker.sock");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("not reachable", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ensure-docker.sh", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout.Trim());
    }

    [Fact]
    public async Task Grade_ImageMissing_ExitsThreeNamingTheImageAndHowToBuildIt()
    {
        using var scenario = new Scenario().Assignment("""
            name: Missing image
            image: gitgrader/cobol:latest
            tests:
              - name: one
                run: "true"
                points: 1
            """);

        var result = await CliRunner.RunAsync("grade", scenario.AssignmentDirectory, scenario.SubmissionDirectory);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("gitgrader/cobol:latest", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("grader-images/build.sh cobol", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_MissingSubmissionFolder_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("grade", WordCount, "/nonexistent/submission");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/submission", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SolutionThatFails_ExitsOneNamingTheTest()
    {
        using var scenario = new Scenario().Assignment("""
            name: Broken
            image: gitgrader/python:latest
            tests:
              - name: squares
                kind: io
                run: python3 main.py
                input: "3"
                expected: "9"
                points: 1
            """);
        Directory.CreateDirectory(Path.Combine(scenario.AssignmentDirectory, "starter"));
        File.WriteAllText(Path.Combine(scenario.AssignmentDirectory, "starter", "main.py"), "print(0)\n");
        Directory.CreateDirectory(Path.Combine(scenario.AssignmentDirectory, "solution"));
        File.WriteAllText(Path.Combine(scenario.AssignmentDirectory, "solution", "main.py"), "print(int(input()) * 2)\n");

        var result = await CliRunner.RunAsync("validate", scenario.AssignmentDirectory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("squares", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("misbehaves", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("6", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ClassroomPytestRunNotMappable_WarnsWithFileLineAndReason()
    {
        using var scenario = new Scenario().Hidden("tests/test_calc.py", "import calc\n\ndef test_add():\n    assert calc.add(2, 3) == 5\n");
        File.WriteAllText(Path.Combine(scenario.AssignmentDirectory, "autograding.json"), """
            {"tests":[
              {"name":"hardened","run":"python3 -m pytest -q tests/test_calc.py","points":1},
              {"name":"as written","run":"python3 -m pytest -q tests/test_calc.py | tail -n 3","points":1}
            ]}
            """);
        foreach (var (folder, body) in new[] { ("starter", "def add(a, b):\n    return 0\n"), ("solution", "def add(a, b):\n    return a + b\n") })
        {
            Directory.CreateDirectory(Path.Combine(scenario.AssignmentDirectory, folder));
            File.WriteAllText(Path.Combine(scenario.AssignmentDirectory, folder, "calc.py"), body);
        }

        var result = await CliRunner.RunAsync("validate", scenario.AssignmentDirectory);

        var flat = string.Join(' ', result.Stdout.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("warning:", flat, StringComparison.Ordinal);
        Assert.Contains("autograding.json:3: tests[1].run: runs as written, not hardened like the pytest kind: it uses shell syntax", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("tests[0].run", flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("grade", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("validate", result.Stdout, StringComparison.Ordinal);
    }
}
