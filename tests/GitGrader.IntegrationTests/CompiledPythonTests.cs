using System.Diagnostics;
using GitGrader.Core.Reports;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>
/// Compiled Python in a submission: an unchecked-hash <c>.pyc</c> is imported in place of the source beside it even
/// under <c>python3 -I -B</c> (and a bare <c>module.pyc</c> imports with no source at all), so the graded code would
/// not be the submitted source. Staging drops every <c>.pyc</c> and <c>__pycache__</c> folder with one note.
/// The <c>.pyc</c> files are compiled for real by the host's python3 (3.11, the image's bytecode magic; checked by the
/// control test, which stages them as instructor files, where they are not dropped).
/// </summary>
[Collection(DockerCollection.Name)]
[Trait("Category", "Hostile")]
public sealed class CompiledPythonTests : GraderTestBase
{
    private const string PytestAssignment = """
        name: Calculator
        image: gitgrader/python:latest
        limits: { timeout: 5s }
        tests:
          - name: unit
            kind: pytest
            files: [test_calc.py]
            points: 4
            visibility: hidden
        """;

    private const string HiddenTests = """
        import calc

        def test_add():
            assert calc.add(2, 3) == 5

        def test_add_negative():
            assert calc.add(-2, -3) == -5
        """;

    private const string RightCalc = "def add(a, b):\n    return a + b\n";
    private const string WrongCalc = "def add(a, b):\n    return a - b\n";
    private const string Note = "compiled Python files (.pyc) were not staged, nor any __pycache__ folder; the source is graded.";

    public CompiledPythonTests(DockerFixture docker)
        : base(docker)
    {
    }

    [Fact]
    public async Task Control_UncheckedHashPycInTheImage_IsImportedInPlaceOfTheSource()
    {
        // The same files as instructor files (never dropped): the image's python3 does run the compiled right add().
        using var scenario = new Scenario().Assignment("""
            name: Control
            image: gitgrader/python:latest
            tests:
              - name: compiled wins
                run: python3 -B -c "import sys; sys.path.insert(0, '.'); import calc; assert calc.add(2, 3) == 5, 'source ran'"
                points: 1
                visibility: hidden
            """).Hidden("calc.py", WrongCalc);
        await CompileAsync(RightCalc, Path.Combine(scenario.AssignmentDirectory, "hidden", "__pycache__", "calc.cpython-311.pyc"));

        var report = await GradeAsync(scenario);

        Assert.Equal(TestStatus.Passed, Assert.Single(report.Tests).Status);
    }

    [Fact]
    public async Task UncheckedHashPycBesideAWrongSource_ScoresZeroWithANote_NextGradeUnaffected()
    {
        using var wrong = new Scenario().Assignment(PytestAssignment).Hidden("test_calc.py", HiddenTests).Submission("calc.py", WrongCalc);
        await CompileAsync(RightCalc, Path.Combine(wrong.SubmissionDirectory, "__pycache__", "calc.cpython-311.pyc"));
        await CompileAsync(RightCalc, Path.Combine(wrong.SubmissionDirectory, "calc.pyc"));
        using var next = new Scenario().Assignment(PytestAssignment).Hidden("test_calc.py", HiddenTests).Submission("calc.py", RightCalc);

        var zero = await GradeAsync(wrong);
        var after = await GradeAsync(next);

        Assert.Equal(0, zero.Score);
        Assert.All(zero.Tests, t => Assert.Equal(TestStatus.Failed, t.Status));
        Assert.Contains("2 " + Note, zero.Notes);
        Assert.Equal(4, after.Score);
        Assert.Empty(after.Notes);
    }

    [Fact]
    public async Task BarePycWithoutSource_ScoresZeroWithANote()
    {
        using var wrong = new Scenario().Assignment(PytestAssignment).Hidden("test_calc.py", HiddenTests).Submission("README.md", "compiled only\n");
        await CompileAsync(RightCalc, Path.Combine(wrong.SubmissionDirectory, "calc.pyc"));

        var zero = await GradeAsync(wrong);

        Assert.Equal(0, zero.Score);
        Assert.Contains("1 compiled Python file (.pyc) was not staged, nor any __pycache__ folder; the source is graded.", zero.Notes);
    }

    [Fact]
    public async Task PycInAClassroomAssignmentsWorkingCopy_ScoresZero()
    {
        using var wrong = new Scenario().Hidden("tests/test_calc.py", HiddenTests).Submission("calc.py", WrongCalc);
        File.WriteAllText(Path.Combine(wrong.AssignmentDirectory, "autograding.json"), """
            {"tests":[{"name":"calc","run":"python3 -m pytest -q tests/test_calc.py","points":5}]}
            """);
        await CompileAsync(RightCalc, Path.Combine(wrong.SubmissionDirectory, "__pycache__", "calc.cpython-311.pyc"));

        var zero = await GradeAsync(wrong);

        Assert.Equal(0, zero.Score);
        Assert.Contains("1 " + Note.Replace("files (.pyc) were", "file (.pyc) was", StringComparison.Ordinal), zero.Notes);
    }

    /// <summary>Compiles <paramref name="source"/> to <paramref name="pyc"/> with an unchecked hash (Python never compares it with a source).</summary>
    private static async Task CompileAsync(string source, string pyc)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pyc)!);
        var sourceFile = Path.Combine(Path.GetTempPath(), $"gg-pyc-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(sourceFile, source);
        try
        {
            using var python = Process.Start(new ProcessStartInfo(
                "python3",
                ["-c", "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)", sourceFile, pyc])
            { UseShellExecute = false })!;
            await python.WaitForExitAsync();
            Assert.Equal(0, python.ExitCode);
        }
        finally
        {
            File.Delete(sourceFile);
        }
    }
}
