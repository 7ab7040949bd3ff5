using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Grading;

/// <summary>
/// Scores the cases of a JUnit or pytest test. With <see cref="TestDefinition.Cases"/>, exactly the
/// listed cases score (a listed case missing from the report gets the run's verdict); without it,
/// the test's points are shared equally among the cases reported. Points never depend on what a
/// student can add: unlisted cases score nothing.
/// </summary>
internal static class CaseResultBuilder
{
    public static IReadOnlyList<TestResult> Build(
        TestDefinition test,
        IReadOnlyList<JUnitCase>? cases,
        StepVerdict runVerdict,
        bool reveal,
        string runOutput,
        long durationMs)
    {
        var results = new List<TestResult>();
        var visible = reveal;
        if (test.Cases is { Count: > 0 } listed)
        {
            foreach (var (key, points) in listed)
            {
                // Several reported cases may answer to one key (a student can add a class with a test of the
                // same name): the worst of them counts, so an added test can never take a listed case's points.
                var found = cases?.Where(c => Matches(c, key)).OrderByDescending(c => Severity(c.Outcome)).FirstOrDefault();
                results.Add(found is null
                    ? Missing(test, key, points, runVerdict, visible, runOutput, durationMs)
                    : FromCase(test, key, found, points, visible, durationMs));
            }

            return results;
        }

        var scoring = cases?.Where(c => !string.IsNullOrEmpty(c.Name)).ToList() ?? [];
        if (scoring.Count == 0)
        {
            results.Add(Missing(test, null, test.Points, runVerdict, visible, runOutput, durationMs));
            return results;
        }

        // Equal shares rounded to cents, the last taking the remainder, so the shares add up to the test's points.
        var share = Round(test.Points / scoring.Count);
        var names = scoring.Select(c => DisplayName(c, scoring)).ToList();
        for (var i = 0; i < scoring.Count; i++)
        {
            var points = i == scoring.Count - 1 ? Round(test.Points - (share * (scoring.Count - 1))) : share;
            results.Add(FromCase(test, names[i], scoring[i], points, visible, durationMs));
        }

        return results;
    }

    private static int Severity(JUnitOutcome outcome) => outcome switch
    {
        JUnitOutcome.Passed => 0,
        JUnitOutcome.Skipped => 1,
        JUnitOutcome.Failed => 2,
        _ => 3,
    };

    internal static bool Matches(JUnitCase found, string key) =>
        string.Equals(found.Name, key, StringComparison.Ordinal)
        || string.Equals($"{found.ClassName}.{found.Name}", key, StringComparison.Ordinal)
        || string.Equals($"{found.ClassName}::{found.Name}", key, StringComparison.Ordinal);

    private static string DisplayName(JUnitCase found, List<JUnitCase> all) =>
        all.Count(c => c.Name == found.Name) > 1 && !string.IsNullOrEmpty(found.ClassName) ? $"{found.ClassName}.{found.Name}" : found.Name;

    private static TestResult FromCase(TestDefinition test, string name, JUnitCase found, double points, bool reveal, long durationMs)
    {
        var (status, message) = found.Outcome switch
        {
            JUnitOutcome.Passed => (TestStatus.Passed, "Passed."),
            JUnitOutcome.Skipped => (TestStatus.Failed, "Skipped."),
            JUnitOutcome.Error => ClassifyProblem(found, TestStatus.RuntimeError, "Raised an error."),
            _ => ClassifyProblem(found, TestStatus.Failed, "Failed."),
        };

        return new TestResult
        {
            Name = $"{test.Name} › {name}",
            Status = status,
            Score = status == TestStatus.Passed ? Round(points) : 0,
            MaxScore = Round(points),
            Visibility = test.Visibility,
            Message = reveal && status != TestStatus.Passed && !string.IsNullOrWhiteSpace(found.Message)
                ? StudentText.Sanitize(found.Message!.Split('\n')[0])
                : message,
            Output = reveal && status != TestStatus.Passed ? StudentText.Truncate(StudentText.Sanitize(found.Details ?? string.Empty), 8_000) : string.Empty,
            DurationMs = found.TimeSeconds is { } seconds ? (long)(seconds * 1000) : durationMs,
        };
    }

    private static (TestStatus Status, string Message) ClassifyProblem(JUnitCase found, TestStatus fallback, string fallbackMessage)
    {
        var text = (found.Message ?? string.Empty) + "\n" + (found.Details ?? string.Empty);
        if (text.Contains("Timeout >", StringComparison.Ordinal) || text.Contains("Failed: Timeout", StringComparison.Ordinal)
            || text.Contains("timed out after", StringComparison.OrdinalIgnoreCase))
        {
            return (TestStatus.Timeout, "Timed out.");
        }

        if (text.Contains("MemoryError", StringComparison.Ordinal) || text.Contains("OutOfMemoryError", StringComparison.Ordinal)
            || text.Contains("std::bad_alloc", StringComparison.Ordinal))
        {
            return (TestStatus.MemoryLimit, "Ran out of memory.");
        }

        if (CompileErrorDetector.Matches(text) || text.Contains("SyntaxError", StringComparison.Ordinal) || text.Contains("IndentationError", StringComparison.Ordinal))
        {
            return (TestStatus.CompileError, "The code does not compile.");
        }

        return (fallback, fallbackMessage);
    }

    private static TestResult Missing(TestDefinition test, string? caseName, double points, StepVerdict runVerdict, bool reveal, string runOutput, long durationMs)
    {
        var status = runVerdict.Status == TestStatus.Passed ? TestStatus.RuntimeError : runVerdict.Status;
        var message = runVerdict.Status == TestStatus.Passed
            ? (caseName is null ? "No test results were reported." : "This case was not reported by the test run.")
            : runVerdict.Message;
        return new TestResult
        {
            Name = caseName is null ? test.Name : $"{test.Name} › {caseName}",
            Status = status,
            Score = 0,
            MaxScore = Round(points),
            Visibility = test.Visibility,
            Message = message,
            Output = reveal ? runOutput : string.Empty,
            DurationMs = durationMs,
        };
    }

    internal static double Round(double points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);
}
