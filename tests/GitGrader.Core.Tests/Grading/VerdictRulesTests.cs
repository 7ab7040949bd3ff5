using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Tests.Grading;

public sealed class VerdictRulesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static readonly ResourceLimits Limits = new()
    {
        MemoryBytes = 128L * 1024 * 1024,
        OutputBytes = 64 * 1024,
    };

    [Fact]
    public void Abnormal_TimedOutWithEveryOtherProblem_TimeoutWins()
    {
        var result = Result(137, stderr: "SyntaxError: invalid syntax\n") with
        {
            TimedOut = true,
            OutOfMemory = true,
            OutputLimitExceeded = true,
        };

        var verdict = VerdictRules.Abnormal(result, Timeout, Limits);

        Assert.NotNull(verdict);
        Assert.Equal(TestStatus.Timeout, verdict.Status);
        Assert.Equal("Timed out after 2 s.", verdict.Message);
    }

    [Fact]
    public void Abnormal_TimedOutUnderOneSecond_MessageInMilliseconds()
    {
        var verdict = VerdictRules.Abnormal(Result(-1) with { TimedOut = true }, TimeSpan.FromMilliseconds(500), Limits);

        Assert.NotNull(verdict);
        Assert.Equal("Timed out after 500 ms.", verdict.Message);
    }

    [Fact]
    public void Abnormal_OutOfMemoryAndOutputCap_MemoryLimitWithCap()
    {
        var result = Result(137) with { OutOfMemory = true, OutputLimitExceeded = true };

        var verdict = VerdictRules.Abnormal(result, Timeout, Limits);

        Assert.NotNull(verdict);
        Assert.Equal(TestStatus.MemoryLimit, verdict.Status);
        Assert.Contains("128 MiB", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\nMemoryError\n")]
    [InlineData(1, "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n")]
    [InlineData(134, "terminate called after throwing an instance of 'std::bad_alloc'\n")]
    public void Abnormal_OutOfMemoryErrorInStderr_MemoryLimit(int exitCode, string stderr)
    {
        var verdict = VerdictRules.Abnormal(Result(exitCode, stderr: stderr), Timeout, Limits);

        Assert.NotNull(verdict);
        Assert.Equal(TestStatus.MemoryLimit, verdict.Status);
    }

    [Fact]
    public void Abnormal_MemoryErrorTextWithExitZero_Null()
    {
        var verdict = VerdictRules.Abnormal(Result(0, stderr: "MemoryError: handled and recovered\n"), Timeout, Limits);

        Assert.Null(verdict);
    }

    [Fact]
    public void Abnormal_OutputLimitExceeded_RuntimeErrorMentioningOutput()
    {
        var result = Result(0) with { OutputLimitExceeded = true };

        var verdict = VerdictRules.Abnormal(result, Timeout, Limits);

        Assert.NotNull(verdict);
        Assert.Equal(TestStatus.RuntimeError, verdict.Status);
        Assert.Contains("output", verdict.Message, StringComparison.Ordinal);
        Assert.Contains("64 KiB", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  File \"/work/submission/main.py\", line 3\n    print(\n         ^\nSyntaxError: '(' was never closed\n")]
    [InlineData("  File \"main.py\", line 2\n    return 1\nIndentationError: unexpected indent\n")]
    [InlineData("TabError: inconsistent use of tabs and spaces in indentation\n")]
    public void Abnormal_PythonCompileErrorWithNonZeroExit_CompileError(string stderr)
    {
        var verdict = VerdictRules.Abnormal(Result(1, stderr: stderr), Timeout, Limits);

        Assert.NotNull(verdict);
        Assert.Equal(TestStatus.CompileError, verdict.Status);
    }

    [Fact]
    public void Abnormal_SyntaxErrorTextWithExitZero_Null()
    {
        var verdict = VerdictRules.Abnormal(Result(0, stderr: "SyntaxError: invalid syntax\n"), Timeout, Limits);

        Assert.Null(verdict);
    }

    [Fact]
    public void Abnormal_SyntaxErrorNotAtLineStart_NotCompileError()
    {
        var verdict = VerdictRules.Abnormal(Result(1, stderr: "ValueError: bad SyntaxError: in message\n"), Timeout, Limits);

        Assert.Null(verdict);
    }

    [Theory]
    [InlineData(139, "segmentation fault (SIGSEGV)")]
    [InlineData(134, "aborted (SIGABRT)")]
    [InlineData(136, "arithmetic error (SIGFPE)")]
    [InlineData(137, "killed (SIGKILL)")]
    [InlineData(141, "broken pipe (SIGPIPE)")]
    [InlineData(143, "terminated (SIGTERM)")]
    [InlineData(128 + 7, "killed by signal 7")]
    public void Abnormal_ExitFromSignal_RuntimeErrorNamingSignal(int exitCode, string description)
    {
        var verdict = VerdictRules.Abnormal(Result(exitCode), Timeout, Limits);

        Assert.NotNull(verdict);
        Assert.Equal(TestStatus.RuntimeError, verdict.Status);
        Assert.Equal($"Crashed: {description}.", verdict.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(-1)]
    public void Abnormal_NormalExit_Null(int exitCode)
    {
        Assert.Null(VerdictRules.Abnormal(Result(exitCode), Timeout, Limits));
    }

    [Fact]
    public void ForRun_ExitZero_Passed()
    {
        var verdict = VerdictRules.ForRun(Result(0), Timeout, Limits);

        Assert.Equal(TestStatus.Passed, verdict.Status);
    }

    [Fact]
    public void ForRun_ExitOne_FailedWithStatus()
    {
        var verdict = VerdictRules.ForRun(Result(1), Timeout, Limits);

        Assert.Equal(TestStatus.Failed, verdict.Status);
        Assert.Equal("Exited with status 1.", verdict.Message);
    }

    [Fact]
    public void ForRun_Segfault_RuntimeError()
    {
        var verdict = VerdictRules.ForRun(Result(139), Timeout, Limits);

        Assert.Equal(TestStatus.RuntimeError, verdict.Status);
        Assert.Contains("segmentation fault", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForRun_TimedOutWithExitZero_Timeout()
    {
        var verdict = VerdictRules.ForRun(Result(0) with { TimedOut = true }, Timeout, Limits);

        Assert.Equal(TestStatus.Timeout, verdict.Status);
    }

    [Fact]
    public void ForIo_MatchingOutput_Passed()
    {
        var verdict = VerdictRules.ForIo(IoTest("42"), Result(0), Timeout, Limits, "42\n");

        Assert.Equal(TestStatus.Passed, verdict.Status);
    }

    [Fact]
    public void ForIo_NonZeroExitWithMatchingOutput_RuntimeError()
    {
        var verdict = VerdictRules.ForIo(IoTest("42"), Result(2), Timeout, Limits, "42\n");

        Assert.Equal(TestStatus.RuntimeError, verdict.Status);
        Assert.Equal("Exited with status 2.", verdict.Message);
    }

    [Theory]
    [InlineData(OutputComparison.Exact, "The output differs from what was expected.")]
    [InlineData(OutputComparison.Whitespace, "The output differs from what was expected.")]
    [InlineData(OutputComparison.Included, "The output does not include what was expected.")]
    [InlineData(OutputComparison.Regex, "The output does not match the expected pattern.")]
    public void ForIo_Mismatch_FailedWithComparisonMessage(OutputComparison comparison, string message)
    {
        var verdict = VerdictRules.ForIo(IoTest("42", comparison), Result(0), Timeout, Limits, "41\n");

        Assert.Equal(TestStatus.Failed, verdict.Status);
        Assert.Equal(message, verdict.Message);
    }

    [Fact]
    public void ForIo_OutputCapWithMatchingOutput_RuntimeError()
    {
        var verdict = VerdictRules.ForIo(IoTest("42"), Result(0) with { OutputLimitExceeded = true }, Timeout, Limits, "42");

        Assert.Equal(TestStatus.RuntimeError, verdict.Status);
        Assert.Contains("output", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForIo_CompileError_CompileError()
    {
        var verdict = VerdictRules.ForIo(IoTest("42"), Result(1, stderr: "IndentationError: expected an indented block\n"), Timeout, Limits, string.Empty);

        Assert.Equal(TestStatus.CompileError, verdict.Status);
    }

    [Fact]
    public void ForIo_NoExpected_ComparesWithEmpty()
    {
        var test = IoTest("unused") with { Expected = null };

        var verdict = VerdictRules.ForIo(test, Result(0), Timeout, Limits, "\n");

        Assert.Equal(TestStatus.Passed, verdict.Status);
    }

    [Theory]
    [InlineData(10_000, "10 s")]
    [InlineData(1_500, "1.5 s")]
    [InlineData(1_000, "1 s")]
    [InlineData(250, "250 ms")]
    public void FormatDuration_Durations_HumanText(int milliseconds, string expected)
    {
        Assert.Equal(expected, VerdictRules.FormatDuration(TimeSpan.FromMilliseconds(milliseconds)));
    }

    private static TestDefinition IoTest(string expected, OutputComparison comparison = OutputComparison.Exact) => new()
    {
        Name = "io",
        Kind = TestKind.Io,
        Run = "python3 main.py",
        Expected = expected,
        Comparison = comparison,
        Points = 1,
    };

    private static ExecutionResult Result(int exitCode, string stdout = "", string stderr = "") => new()
    {
        ExitCode = exitCode,
        Stdout = Encoding.UTF8.GetBytes(stdout),
        Stderr = Encoding.UTF8.GetBytes(stderr),
        Duration = TimeSpan.FromMilliseconds(10),
    };

    [Fact]
    public void Abnormal_OutOfTimeWhileHeldAtTheMemoryCap_IsMemoryLimit()
    {
        var limits = new ResourceLimits { MemoryBytes = 256L * 1024 * 1024 };
        var pinned = new ExecutionResult { ExitCode = 137, TimedOut = true, MemoryPinned = true, Stdout = [], Stderr = [], Duration = TimeSpan.FromSeconds(10) };

        var verdict = VerdictRules.Abnormal(pinned, TimeSpan.FromSeconds(10), limits);

        Assert.Equal(TestStatus.MemoryLimit, verdict!.Status);
        Assert.Equal("Used all of its 256 MiB of memory and stalled there until the 10 s time limit: it needs more memory than it may have.", verdict.Message);
        Assert.Equal(TestStatus.Timeout, VerdictRules.Abnormal(pinned with { MemoryPinned = false }, TimeSpan.FromSeconds(10), limits)!.Status);
    }
}
