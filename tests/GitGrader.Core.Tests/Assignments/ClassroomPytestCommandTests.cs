using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;

namespace GitGrader.Core.Tests.Assignments;

public sealed class ClassroomPytestCommandTests : IDisposable
{
    private readonly TempAssignmentFolder _folder = new("classroom-pytest");

    public ClassroomPytestCommandTests()
    {
        _folder.Write("hidden/tests/test_calc.py", "def test_add(): pass\n");
        _folder.Write("hidden/tests/helpers.py", "X = 1\n");
        _folder.Write("hidden/test_top.py", "def test_top(): pass\n");
    }

    private string Hidden => Path.Combine(_folder.Path, "hidden");

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("python3 -m pytest tests/test_calc.py", new string[0], new[] { "tests/test_calc.py" })]
    [InlineData("python -m pytest -q -p no:cacheprovider --tb=short tests/test_calc.py", new[] { "-q", "--tb=short" }, new[] { "tests/test_calc.py" })]
    [InlineData("pytest -v -x ./tests/test_calc.py::test_add", new[] { "-v", "-x" }, new[] { "tests/test_calc.py::test_add" })]
    [InlineData("pytest -k 'add and not sub' --maxfail 1 tests/", new[] { "-kadd and not sub", "--maxfail=1" }, new[] { "tests" })]
    [InlineData("py.test -qx --timeout=5 -W ignore tests", new[] { "-qx", "--timeout=5", "-Wignore" }, new[] { "tests" })]
    [InlineData("pytest -rA -- tests/test_calc.py", new[] { "-rA" }, new[] { "tests/test_calc.py" })]
    public void TryRead_PytestOnHiddenFiles_MappedWithItsOptions(string run, string[] options, string[] targets)
    {
        var pytest = ClassroomPytestCommand.TryRead(run, Hidden, out var reason);

        Assert.Null(reason);
        Assert.NotNull(pytest);
        Assert.Equal(options, pytest.Options);
        Assert.Equal(targets, pytest.Targets);
        Assert.Equal("tests", pytest.TestsFolder);
        Assert.Null(pytest.IniFile);
    }

    [Fact]
    public void TryRead_TimeoutOption_LoadsTheTimeoutPlugin()
    {
        Assert.True(ClassroomPytestCommand.TryRead("pytest --timeout 5 tests", Hidden, out _)!.UsesTimeout);
        Assert.False(ClassroomPytestCommand.TryRead("pytest tests", Hidden, out _)!.UsesTimeout);
    }

    [Fact]
    public void TryRead_NoPaths_RunsAllOfHiddenButTestModulesInTwoFoldersAreNotMapped()
    {
        var pytest = ClassroomPytestCommand.TryRead("pytest", Hidden, out var reason);

        Assert.Null(pytest);
        Assert.Contains("several folders (hidden/, tests/)", reason, StringComparison.Ordinal);
        File.Delete(Path.Combine(Hidden, "test_top.py"));
        Assert.Equal([string.Empty], ClassroomPytestCommand.TryRead("python3 -m pytest -q", Hidden, out _)!.Targets);
    }

    [Theory]
    [InlineData("python3 fizzbuzz.py")]
    [InlineData("python3 -m unittest")]
    [InlineData("make test")]
    [InlineData("python3 -c 'import pytest'")]
    public void TryRead_NotPytest_NullWithoutAWord(string run)
    {
        Assert.Null(ClassroomPytestCommand.TryRead(run, Hidden, out var reason));
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("pytest tests | tee out.txt", "shell syntax")]
    [InlineData("pip install -q numpy && python3 -m pytest tests", "shell syntax")]
    [InlineData("PYTHONPATH=src pytest tests", "shell syntax")]
    [InlineData("pytest tests/test_*.py", "shell syntax")]
    [InlineData("pytest --cov=calc tests", "the option '--cov=calc' is not one GitGrader maps")]
    [InlineData("pytest -p xdist tests", "loads the plugin 'xdist'")]
    [InlineData("pytest -o addopts= tests", "the option '-o' is not one GitGrader maps")]
    [InlineData("pytest --rootdir=. tests", "the option '--rootdir=.' is not one GitGrader maps")]
    [InlineData("pytest test_student.py", "'test_student.py' is not a file or folder of hidden/")]
    [InlineData("pytest ../hidden/tests", "'../hidden/tests' is not a file or folder of hidden/")]
    [InlineData("pytest /work/hidden/tests", "'/work/hidden/tests' is not a file or folder of hidden/")]
    [InlineData("pytest --tb", "the option '--tb' has no value")]
    public void TryRead_NotMappableExactly_NullWithTheReason(string run, string expected)
    {
        Assert.Null(ClassroomPytestCommand.TryRead(run, Hidden, out var reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_InstructorsPytestIni_ReadInPlaceOfGitGradersOtherIniFilesNotMapped()
    {
        _folder.Write("hidden/pytest.ini", "[pytest]\n");
        Assert.Equal("pytest.ini", ClassroomPytestCommand.TryRead("pytest tests", Hidden, out _)!.IniFile);

        File.Delete(Path.Combine(Hidden, "pytest.ini"));
        _folder.Write("hidden/setup.cfg", "[tool:pytest]\n");
        Assert.Null(ClassroomPytestCommand.TryRead("pytest tests", Hidden, out var reason));
        Assert.Contains("hidden/setup.cfg may configure pytest", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_ClassroomPytestRuns_HardenedOrWarnedWithFileAndLine()
    {
        _folder.WriteJson("""
            {
              "tests": [
                { "name": "calc", "run": "python3 -m pytest -q tests/test_calc.py", "points": 2 },
                { "name": "piped", "run": "pytest tests | tail -1", "points": 1 },
                { "name": "plain", "run": "python3 calc.py", "points": 1 }
              ]
            }
            """);

        var assignment = await AssignmentLoader.LoadAsync(_folder.Path, CancellationToken.None);

        Assert.NotNull(assignment.Tests[0].HardenedPytest);
        Assert.Null(assignment.Tests[1].HardenedPytest);
        Assert.Null(assignment.Tests[2].HardenedPytest);
        var warning = Assert.Single(assignment.Warnings);
        Assert.EndsWith("autograding.json:4: tests[1].run: runs as written, not hardened like the pytest kind: it uses shell syntax (pipes, &&, ;, $, globs, redirections) GitGrader does not take apart.", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForClassroomPytest_StepIsHardenedLikeThePytestKind()
    {
        _folder.WriteJson("""{ "tests": [ { "name": "calc", "run": "python -m pytest -v --tb=short tests/test_calc.py", "points": 2 } ] }""");
        var test = (await AssignmentLoader.LoadAsync(_folder.Path, CancellationToken.None)).Tests[0];

        var request = StepRequests.ForClassroomPytest(test, ResourceLimits.Default, "/work/results/r.xml");

        Assert.Equal(
            [
                "python3", "-I", "-B", "-m", "pytest", "-p", "gitgrader_pytest", "-p", "no:cacheprovider",
                "-c", StepRequests.PytestIni, "--rootdir=/work/hidden", "--confcutdir=/work/hidden", "--import-mode=importlib",
                "--gitgrader-tests=/work/hidden/tests", "--gitgrader-submission=/work/submission", "--junitxml=/work/results/r.xml",
                "-v", "--tb=short", "/work/hidden/tests/test_calc.py",
            ],
            request.Command);
    }
}
