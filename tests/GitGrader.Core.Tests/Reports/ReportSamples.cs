using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Tests.Reports;

internal static class ReportSamples
{
    public static readonly DateTimeOffset GradedAt = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static TestResult Test(
        string name,
        TestStatus status = TestStatus.Passed,
        double score = 1,
        double maxScore = 1,
        Visibility visibility = Visibility.Visible,
        string? message = null,
        string output = "",
        string? expected = null,
        string? actual = null,
        long durationMs = 120) => new()
        {
            Name = name,
            Status = status,
            Score = score,
            MaxScore = maxScore,
            Visibility = visibility,
            Message = message,
            Output = output,
            Expected = expected,
            Actual = actual,
            DurationMs = durationMs,
        };

    public static GradeReport Report(
        IReadOnlyList<TestResult> tests,
        IReadOnlyList<string>? notes = null,
        string? rejection = null,
        string assignment = "Calculator",
        double? score = null,
        double? maxScore = null) => new()
        {
            Assignment = assignment,
            Slug = "calculator",
            Score = score ?? tests.Sum(t => t.Score),
            MaxScore = maxScore ?? tests.Sum(t => t.MaxScore),
            DurationMs = 12_345,
            GradedAt = GradedAt,
            Tests = tests,
            Notes = notes ?? [],
            Rejection = rejection,
            Annotations =
            [
                new Annotation { Path = "src/calc.py", Line = 3, Title = "divide", Message = "ZeroDivisionError: division by zero" },
            ],
        };

    public static GradeReport Typical() => Report(
    [
        Test("adds two numbers", TestStatus.Passed, 2, 2),
        Test("divides", TestStatus.Failed, 0, 3, message: "output differs", expected: "2\n", actual: "3\n", output: "3\n"),
        Test("hidden edge cases", TestStatus.Timeout, 0, 2.5, Visibility.Hidden, message: "timed out after 10 s"),
        Test("memory", TestStatus.MemoryLimit, 0, 1, message: "killed at 256 MB"),
    ]);
}
