using System.Globalization;
using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading;

/// <summary>Turns tests into sandbox steps.</summary>
public static class StepRequests
{
    /// <summary>Where the pytest kind finds GitGrader's own ini file in the grader images.</summary>
    public const string PytestIni = "/opt/gitgrader/pytest.ini";

    /// <summary>The assignment's build step.</summary>
    public static ExecutionRequest ForSetup(Assignment assignment) => new()
    {
        Command = ["/bin/sh", "-c", assignment.Setup ?? "true"],
        Timeout = assignment.Limits.TestTimeout * 3,
        OutputLimitBytes = assignment.Limits.OutputBytes,
    };

    /// <summary>Wall-clock limit of one test's step.</summary>
    public static TimeSpan TimeoutOf(TestDefinition test, ResourceLimits limits) => test.Timeout
        ?? (test.Kind is TestKind.Pytest or TestKind.JUnit ? limits.TestTimeout * 4 : limits.TestTimeout);

    /// <summary>The step of a run, io or junit test. Setup output goes to stderr so stdout stays the program's own.</summary>
    public static ExecutionRequest ForCommand(TestDefinition test, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(test);
        var script = new StringBuilder();
        if (test.Kind == TestKind.JUnit && test.ReportPath is { } report)
        {
            // A report the student committed or planted must never be read as the test's own.
            script.Append(CultureInfo.InvariantCulture, $"rm -f -- {ShellQuote(report)} || exit 97\n");
        }

        if (!string.IsNullOrWhiteSpace(test.Setup))
        {
            script.Append("{\n").Append(test.Setup).Append("\n} </dev/null 1>&2 || exit $?\n");
        }

        script.Append(test.Run);
        return new ExecutionRequest
        {
            Command = ["/bin/sh", "-c", script.ToString()],
            Stdin = test.Input is { } input ? new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(input)) : (ReadOnlyMemory<byte>?)null,
            Timeout = TimeoutOf(test, limits),
            OutputLimitBytes = limits.OutputBytes,
        };
    }

    /// <summary>
    /// The step of a pytest test: isolated interpreter (<c>-I -B</c>: no current folder, user site or
    /// PYTHON* variables), GitGrader's ini file (<c>-c</c>), the hidden folder as rootdir and
    /// confcutdir (no student conftest.py, pytest.ini, setup.cfg), importlib import mode (no test
    /// module shadowing), no plugin autoload, and the submission appended after the standard library.
    /// </summary>
    public static ExecutionRequest ForPytest(TestDefinition test, ResourceLimits limits, string reportPath)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(limits);
        var perCase = Math.Max(1, (int)Math.Ceiling((test.CaseTimeout ?? limits.TestTimeout).TotalSeconds));
        var command = HardenedPytest(timeoutPlugin: true, PytestIni, SandboxPaths.Hidden, reportPath);
        command.AddRange([string.Create(CultureInfo.InvariantCulture, $"--timeout={perCase}"), "-q", "--tb=native", "--no-header", "-rN"]);
        command.AddRange(test.Files.Select(f => $"{SandboxPaths.Hidden}/{f}"));

        // A setup command (the Classroom python grader's) runs first in the same step, its output kept off stdout.
        if (!string.IsNullOrWhiteSpace(test.Setup))
        {
            command = ["/bin/sh", "-c", test.Setup + "\nexec \"$@\"", "gitgrader-setup", .. command];
        }

        return new ExecutionRequest
        {
            Command = command,
            Timeout = TimeoutOf(test, limits),
            OutputLimitBytes = limits.OutputBytes,
        };
    }

    /// <summary>
    /// The step of a Classroom <c>run</c> test that runs pytest on instructor files (<see cref="TestDefinition.HardenedPytest"/>):
    /// hardened as <see cref="ForPytest"/> is (the instructor's own <c>hidden/pytest.ini</c> read in place of GitGrader's
    /// when there is one), the test modules' folder on <c>sys.path</c> before the submission, the original's options,
    /// and a JUnit report at <paramref name="reportPath"/> so that an exit 0 without a report never passes.
    /// </summary>
    public static ExecutionRequest ForClassroomPytest(TestDefinition test, ResourceLimits limits, string reportPath)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(limits);
        var pytest = test.HardenedPytest ?? throw new ArgumentException("The test has no hardened pytest command.", nameof(test));
        var testsFolder = pytest.TestsFolder.Length == 0 ? SandboxPaths.Hidden : $"{SandboxPaths.Hidden}/{pytest.TestsFolder}";
        var ini = pytest.IniFile is { } own ? $"{SandboxPaths.Hidden}/{own}" : PytestIni;
        var command = HardenedPytest(pytest.UsesTimeout, ini, testsFolder, reportPath);
        command.AddRange(pytest.Options);
        command.AddRange(pytest.Targets.Select(t => t.Length == 0 ? SandboxPaths.Hidden : $"{SandboxPaths.Hidden}/{t}"));
        return new ExecutionRequest
        {
            Command = command,
            Timeout = TimeoutOf(test, limits),
            OutputLimitBytes = limits.OutputBytes,
        };
    }

    /// <summary>
    /// The hardening both pytest steps share: isolated interpreter, GitGrader's plugin (and pytest-timeout when
    /// asked), no cache, the ini file <paramref name="ini"/>, the hidden folder as rootdir and confcutdir,
    /// importlib import mode, the test modules' folder and the submission for the plugin, and the report.
    /// </summary>
    private static List<string> HardenedPytest(bool timeoutPlugin, string ini, string testsFolder, string reportPath)
    {
        List<string> command = ["python3", "-I", "-B", "-m", "pytest", "-p", "gitgrader_pytest"];
        if (timeoutPlugin)
        {
            command.AddRange(["-p", "pytest_timeout"]);
        }

        command.AddRange(
        [
            "-p", "no:cacheprovider",
            "-c", ini,
            $"--rootdir={SandboxPaths.Hidden}", $"--confcutdir={SandboxPaths.Hidden}",
            "--import-mode=importlib",
            $"--gitgrader-tests={testsFolder}", $"--gitgrader-submission={SandboxPaths.Submission}",
            $"--junitxml={reportPath}",
        ]);
        return command;
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
