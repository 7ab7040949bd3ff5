using System.Diagnostics;
using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;

namespace GitGrader.Core.Tests.Grading;

public sealed class StepRequestsTests
{
    private const string ReportPath = "/work/results/0123abcd.xml";

    private static readonly ResourceLimits Limits = new() { TestTimeout = TimeSpan.FromSeconds(5), OutputBytes = 32 * 1024 };

    [Fact]
    public void ForPytest_Command_IsolatedInterpreterAndHardenedPytest()
    {
        var request = StepRequests.ForPytest(PytestTest(), Limits, ReportPath);

        var command = request.Command;
        Assert.Equal("python3", command[0]);
        Assert.Contains("-I", command);
        Assert.Contains("-B", command);
        AssertPair(command, "-m", "pytest");
        AssertPair(command, "-c", "/opt/gitgrader/pytest.ini");
        AssertPair(command, "-p", "no:cacheprovider");
        Assert.Contains("--rootdir=/work/hidden", command);
        Assert.Contains("--confcutdir=/work/hidden", command);
        Assert.Contains("--import-mode=importlib", command);
        Assert.Contains($"--junitxml={ReportPath}", command);
        Assert.Contains("--timeout=5", command);
    }

    [Fact]
    public void ForPytest_WithACaseTimeoutAndASetup_RunsTheSetupFirstThenExecsTheSamePytest()
    {
        var plain = StepRequests.ForPytest(PytestTest(), Limits, ReportPath).Command;
        var test = PytestTest() with { Setup = "{ pip install -r requirements.txt\n} </dev/null 1>&2 || true", CaseTimeout = TimeSpan.FromMinutes(10) };

        var command = StepRequests.ForPytest(test, Limits, ReportPath).Command;

        Assert.Equal(["/bin/sh", "-c", test.Setup + "\nexec \"$@\"", "gitgrader-setup"], command.Take(4));
        Assert.Equal(plain.Select(a => a == "--timeout=5" ? "--timeout=600" : a), command.Skip(4));
    }

    [Fact]
    public void ForPytest_Command_InterpreterFlagsBeforeModule()
    {
        var command = StepRequests.ForPytest(PytestTest(), Limits, ReportPath).Command.ToList();

        Assert.True(command.IndexOf("-I") < command.IndexOf("-m"));
        Assert.True(command.IndexOf("-B") < command.IndexOf("-m"));
    }

    [Fact]
    public void ForPytest_Files_EachUnderHiddenAtTheEnd()
    {
        var test = PytestTest() with { Files = ["test_basic.py", "edge/test_edge.py"] };

        var command = StepRequests.ForPytest(test, Limits, ReportPath).Command;

        Assert.Equal(["/work/hidden/test_basic.py", "/work/hidden/edge/test_edge.py"], command.TakeLast(2));
        Assert.Equal(2, command.Count(a => a.StartsWith("/work/hidden/", StringComparison.Ordinal)));
    }

    [Fact]
    public void ForPytest_SubSecondLimit_PerCaseTimeoutAtLeastOneSecond()
    {
        var limits = Limits with { TestTimeout = TimeSpan.FromMilliseconds(300) };

        var command = StepRequests.ForPytest(PytestTest(), limits, ReportPath).Command;

        Assert.Contains("--timeout=1", command);
    }

    [Fact]
    public void ForPytest_Limits_TimeoutAndOutputCap()
    {
        var request = StepRequests.ForPytest(PytestTest(), Limits, ReportPath);

        Assert.Equal(TimeSpan.FromSeconds(20), request.Timeout);
        Assert.Equal(32 * 1024, request.OutputLimitBytes);
        Assert.Null(request.Stdin);
    }

    [Fact]
    public void ForCommand_Run_ShellScriptIsRunCommand()
    {
        var request = StepRequests.ForCommand(RunTest("python3 main.py"), Limits);

        Assert.Equal(["/bin/sh", "-c", "python3 main.py"], request.Command);
        Assert.Equal("/work/submission", request.WorkingDirectory);
        Assert.True(request.Stdin is not { } stdin || stdin.IsEmpty);
    }

    [Fact]
    public void ForCommand_NoInput_StdinNull()
    {
        var request = StepRequests.ForCommand(RunTest("python3 main.py"), Limits);

        Assert.Null(request.Stdin);
    }

    [Fact]
    public void ForCommand_EmptyInput_EmptyStdinNotNull()
    {
        var request = StepRequests.ForCommand(RunTest("python3 main.py") with { Input = string.Empty }, Limits);

        Assert.NotNull(request.Stdin);
        Assert.True(request.Stdin.Value.IsEmpty);
    }

    [Fact]
    public void ForCommand_JUnit_RemovesReportFirst()
    {
        var test = JUnitTest("build/test-results/TEST-calc.xml");

        var script = StepRequests.ForCommand(test, Limits).Command[2];

        Assert.StartsWith("rm -f -- 'build/test-results/TEST-calc.xml' || exit 97\n", script, StringComparison.Ordinal);
        Assert.EndsWith("gradle test", script, StringComparison.Ordinal);
    }

    [Fact]
    public void ForCommand_JUnitReportPathWithQuote_ShellQuoted()
    {
        var test = JUnitTest("out/it's $(touch pwned).xml");

        var script = StepRequests.ForCommand(test, Limits).Command[2];

        Assert.StartsWith(@"rm -f -- 'out/it'\''s $(touch pwned).xml' || exit 97", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForCommand_JUnitReportPathWithQuote_ShellRemovesExactlyThatFile()
    {
        var folder = Directory.CreateTempSubdirectory("gitgrader-steprequests-");
        try
        {
            var reportPath = "it's $(touch pwned) `touch pwned2`.xml";
            File.WriteAllText(Path.Combine(folder.FullName, reportPath), "<planted/>");
            File.WriteAllText(Path.Combine(folder.FullName, "keep.xml"), "<keep/>");
            var request = StepRequests.ForCommand(JUnitTest(reportPath) with { Run = "true" }, Limits);

            var (exitCode, _, _) = await RunShell(request.Command, folder.FullName, null);

            Assert.Equal(0, exitCode);
            Assert.Equal(["keep.xml"], Directory.GetFiles(folder.FullName).Select(Path.GetFileName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void ForCommand_JUnitWithoutReportPath_NoRemoval()
    {
        var test = JUnitTest("x.xml") with { ReportPath = null };

        var script = StepRequests.ForCommand(test, Limits).Command[2];

        Assert.DoesNotContain("rm -f", script, StringComparison.Ordinal);
    }

    [Fact]
    public void ForCommand_RunWithReportPath_NoRemoval()
    {
        var test = RunTest("python3 main.py") with { ReportPath = "report.xml" };

        var script = StepRequests.ForCommand(test, Limits).Command[2];

        Assert.Equal("python3 main.py", script);
    }

    [Fact]
    public void ForCommand_Setup_RedirectedToStderrBeforeRun()
    {
        var test = RunTest("python3 main.py") with { Setup = "pip install -q ." };

        var script = StepRequests.ForCommand(test, Limits).Command[2];

        Assert.Equal("{\npip install -q .\n} </dev/null 1>&2 || exit $?\npython3 main.py", script);
    }

    [Fact]
    public async Task ForCommand_Setup_ShellKeepsSetupOutOfStdoutAndStdin()
    {
        var test = new TestDefinition
        {
            Name = "io",
            Kind = TestKind.Io,
            Setup = "echo from-setup; cat",
            Run = "cat",
            Input = "student input\n",
        };
        var request = StepRequests.ForCommand(test, Limits);

        var (exitCode, stdout, stderr) = await RunShell(request.Command, Path.GetTempPath(), request.Stdin?.ToArray());

        Assert.Equal(0, exitCode);
        Assert.Equal("student input\n", stdout);
        Assert.Equal("from-setup\n", stderr);
    }

    [Fact]
    public async Task ForCommand_SetupFails_StepExitsWithSetupStatus()
    {
        var test = RunTest("echo ran") with { Setup = "exit 3" };
        var request = StepRequests.ForCommand(test, Limits);

        var (exitCode, stdout, _) = await RunShell(request.Command, Path.GetTempPath(), null);

        Assert.Equal(3, exitCode);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public void ForCommand_BlankSetup_Omitted()
    {
        var test = RunTest("python3 main.py") with { Setup = "   " };

        var script = StepRequests.ForCommand(test, Limits).Command[2];

        Assert.Equal("python3 main.py", script);
    }

    [Fact]
    public void ForCommand_Input_StdinUtf8Bytes()
    {
        var test = RunTest("python3 main.py") with { Input = "3 4\nπ\n" };

        var request = StepRequests.ForCommand(test, Limits);

        Assert.NotNull(request.Stdin);
        Assert.Equal(Encoding.UTF8.GetBytes("3 4\nπ\n"), request.Stdin.Value.ToArray());
    }

    [Fact]
    public void ForCommand_Limits_OutputCapFromLimits()
    {
        var request = StepRequests.ForCommand(RunTest("true"), Limits);

        Assert.Equal(32 * 1024, request.OutputLimitBytes);
        Assert.Equal(TimeSpan.FromSeconds(5), request.Timeout);
    }

    [Theory]
    [InlineData(TestKind.Run, 5)]
    [InlineData(TestKind.Io, 5)]
    [InlineData(TestKind.JUnit, 20)]
    [InlineData(TestKind.Pytest, 20)]
    public void TimeoutOf_NoTestTimeout_LimitScaledByKind(TestKind kind, int seconds)
    {
        var test = new TestDefinition { Name = "t", Kind = kind };

        Assert.Equal(TimeSpan.FromSeconds(seconds), StepRequests.TimeoutOf(test, Limits));
    }

    [Theory]
    [InlineData(TestKind.Run)]
    [InlineData(TestKind.JUnit)]
    [InlineData(TestKind.Pytest)]
    public void TimeoutOf_TestTimeout_UsedAsIs(TestKind kind)
    {
        var test = new TestDefinition { Name = "t", Kind = kind, Timeout = TimeSpan.FromSeconds(3) };

        Assert.Equal(TimeSpan.FromSeconds(3), StepRequests.TimeoutOf(test, Limits));
    }

    [Fact]
    public void ForSetup_Assignment_ShellCommandWithTripleTimeout()
    {
        var assignment = new Assignment
        {
            Slug = "calc",
            Name = "Calc",
            Image = "gitgrader/java:latest",
            Directory = "/tmp/calc",
            Limits = Limits,
            Setup = "javac *.java",
            Tests = [],
        };

        var request = StepRequests.ForSetup(assignment);

        Assert.Equal(["/bin/sh", "-c", "javac *.java"], request.Command);
        Assert.Equal(TimeSpan.FromSeconds(15), request.Timeout);
    }

    private static void AssertPair(IReadOnlyList<string> command, string flag, string value)
    {
        var found = Enumerable.Range(0, command.Count - 1).Any(i => command[i] == flag && command[i + 1] == value);
        Assert.True(found, $"Expected '{flag} {value}' in: {string.Join(' ', command)}");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunShell(IReadOnlyList<string> command, string workingDirectory, byte[]? stdin)
    {
        var start = new ProcessStartInfo(command[0], command.Skip(1))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static TestDefinition RunTest(string run) => new() { Name = "run", Kind = TestKind.Run, Run = run };

    private static TestDefinition JUnitTest(string reportPath) => new()
    {
        Name = "calc",
        Kind = TestKind.JUnit,
        Run = "gradle test",
        ReportPath = reportPath,
    };

    private static TestDefinition PytestTest() => new()
    {
        Name = "stats",
        Kind = TestKind.Pytest,
        Files = ["test_stats.py"],
    };
}
