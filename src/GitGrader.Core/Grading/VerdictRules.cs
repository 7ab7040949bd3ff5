using System.Globalization;
using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading;

/// <summary>How a finished step becomes a verdict. Sandbox stops (time, memory, output) come first.</summary>
public static class VerdictRules
{
    private static readonly string[] MemoryMarkers = ["java.lang.OutOfMemoryError", "std::bad_alloc", "\nMemoryError", "MemoryError: "];

    /// <summary>The verdict when the sandbox stopped the step, or the program crashed; null when it ran to a normal exit.</summary>
    public static StepVerdict? Abnormal(ExecutionResult result, TimeSpan timeout, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(limits);
        if (result.TimedOut && result.MemoryPinned)
        {
            return new StepVerdict(TestStatus.MemoryLimit, string.Create(CultureInfo.InvariantCulture, $"Used all of its {ByteSizeText.Format(limits.MemoryBytes)} of memory and stalled there until the {FormatDuration(timeout)} time limit: it needs more memory than it may have."));
        }

        if (result.TimedOut)
        {
            return new StepVerdict(TestStatus.Timeout, string.Create(CultureInfo.InvariantCulture, $"Timed out after {FormatDuration(timeout)}."));
        }

        if (result.OutOfMemory)
        {
            return new StepVerdict(TestStatus.MemoryLimit, $"Killed for using more than {ByteSizeText.Format(limits.MemoryBytes)} of memory.");
        }

        if (result.OutputLimitExceeded)
        {
            return new StepVerdict(TestStatus.RuntimeError, $"Stopped for printing more than {ByteSizeText.Format(limits.OutputBytes)} of output.");
        }

        if (RanOutOfMemory(result))
        {
            return new StepVerdict(TestStatus.MemoryLimit, $"Ran out of memory (the limit is {ByteSizeText.Format(limits.MemoryBytes)}).");
        }

        if (LooksLikeCompileError(result))
        {
            return new StepVerdict(TestStatus.CompileError, "The code does not compile (see the error output).");
        }

        if (result.ExitCode >= 128)
        {
            return new StepVerdict(TestStatus.RuntimeError, $"Crashed: {DescribeSignal(result.ExitCode - 128)}.");
        }

        return null;
    }

    /// <summary>Verdict of a <see cref="TestKind.Run"/> test.</summary>
    public static StepVerdict ForRun(ExecutionResult result, TimeSpan timeout, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Abnormal(result, timeout, limits)
            ?? (result.ExitCode == 0
                ? new StepVerdict(TestStatus.Passed, "Passed.")
                : new StepVerdict(TestStatus.Failed, string.Create(CultureInfo.InvariantCulture, $"Exited with status {result.ExitCode}.")));
    }

    /// <summary>Verdict of an <see cref="TestKind.Io"/> test: exit 0 and matching stdout.</summary>
    public static StepVerdict ForIo(TestDefinition test, ExecutionResult result, TimeSpan timeout, ResourceLimits limits, string stdout)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(result);
        if (Abnormal(result, timeout, limits) is { } abnormal)
        {
            return abnormal;
        }

        if (result.ExitCode != 0)
        {
            return new StepVerdict(TestStatus.RuntimeError, string.Create(CultureInfo.InvariantCulture, $"Exited with status {result.ExitCode}."));
        }

        return OutputComparer.Matches(test.Comparison, test.Expected ?? string.Empty, stdout)
            ? new StepVerdict(TestStatus.Passed, "Passed.")
            : new StepVerdict(TestStatus.Failed, test.Comparison switch
            {
                OutputComparison.Included or OutputComparison.IoGraderContains => "The output does not include what was expected.",
                OutputComparison.Regex or OutputComparison.ClassroomRegex or OutputComparison.IoGraderRegex => "The output does not match the expected pattern.",
                _ => "The output differs from what was expected.",
            });
    }

    public static string FormatDuration(TimeSpan duration) => duration.TotalSeconds >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#} s")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms");

    private static bool LooksLikeCompileError(ExecutionResult result) =>
        result.ExitCode != 0 && CompileErrorDetector.Matches(Encoding.UTF8.GetString(result.Stderr) + "\n" + Encoding.UTF8.GetString(result.Stdout));

    private static bool RanOutOfMemory(ExecutionResult result)
    {
        if (result.ExitCode == 0)
        {
            return false;
        }

        var stderr = Encoding.UTF8.GetString(result.Stderr);
        return MemoryMarkers.Any(marker => stderr.Contains(marker, StringComparison.Ordinal));
    }

    private static string DescribeSignal(int signal) => signal switch
    {
        6 => "aborted (SIGABRT)",
        8 => "arithmetic error (SIGFPE)",
        9 => "killed (SIGKILL)",
        11 => "segmentation fault (SIGSEGV)",
        13 => "broken pipe (SIGPIPE)",
        15 => "terminated (SIGTERM)",
        _ => string.Create(CultureInfo.InvariantCulture, $"killed by signal {signal}"),
    };
}
