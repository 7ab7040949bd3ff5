using System.Globalization;
using System.Text.Json;
using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Grading.Gradescope;

/// <summary>
/// Maps a Gradescope <c>results.json</c> to report results: per test <c>name</c>, <c>score</c>,
/// <c>max_score</c>, <c>status</c>, <c>output</c>, <c>visibility</c> (<c>hidden</c>,
/// <c>after_due_date</c>, <c>after_published</c>, <c>visible</c>). A top-level <c>score</c> that
/// differs from the tests' sum overrides it, shown as an explicit adjustment line.
/// </summary>
public static class GradescopeResultsMapper
{
    /// <summary>Thrown text for results that cannot be used: always a grader error, never the student's zero.</summary>
    public static IReadOnlyList<TestResult>? TryMap(byte[] json, bool revealHidden, bool revealAfterDueDate, long durationMs, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(json);
        GradescopeResults? results;
        try
        {
            results = JsonSerializer.Deserialize(json, GradescopeJsonContext.Default.GradescopeResults);
        }
        catch (JsonException ex)
        {
            problem = $"The autograder's results.json is not valid JSON ({ex.Message}).";
            return null;
        }

        if (results is null || (results.Tests is null && results.Score is null))
        {
            problem = "The autograder's results.json has neither 'tests' nor 'score'.";
            return null;
        }

        var mapped = new List<TestResult>();
        var defaultVisibility = results.Visibility;
        var index = 0;
        foreach (var test in results.Tests ?? [])
        {
            index++;
            var visibility = MapVisibility(test.Visibility ?? defaultVisibility);
            var reveal = revealHidden || visibility == Visibility.Visible || (visibility == Visibility.AfterDueDate && revealAfterDueDate);
            var max = test.MaxScore ?? test.Score ?? 0;
            var score = test.Score ?? 0;
            var passed = test.Status is { } status
                ? string.Equals(status, "passed", StringComparison.OrdinalIgnoreCase)
                : score >= max;
            var number = test.Number is { } element && element.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? (element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText())
                : null;
            var name = test.Name ?? number ?? string.Create(CultureInfo.InvariantCulture, $"Test {index}");
            if (number is not null && test.Name is not null)
            {
                name = $"{number} {test.Name}";
            }

            mapped.Add(new TestResult
            {
                Name = StudentText.Truncate(StudentText.Sanitize(name), 200),
                Status = passed ? TestStatus.Passed : TestStatus.Failed,
                Score = Math.Round(score, 2),
                MaxScore = Math.Round(max, 2),
                Visibility = visibility,
                Message = passed ? "Passed." : "Failed.",
                Output = reveal && !string.IsNullOrEmpty(test.Output) ? StudentText.Truncate(StudentText.Sanitize(test.Output), 8_000) : string.Empty,
                DurationMs = durationMs,
            });
        }

        var sum = mapped.Sum(t => t.Score);
        if (results.Score is { } total && Math.Abs(total - sum) > 0.005)
        {
            mapped.Add(new TestResult
            {
                Name = "Autograder total",
                Status = total >= sum ? TestStatus.Passed : TestStatus.Failed,
                Score = Math.Round(total - sum, 2),
                MaxScore = mapped.Count == 0 ? Math.Round(total, 2) : 0,
                Visibility = Visibility.Visible,
                Message = string.Create(CultureInfo.InvariantCulture, $"The autograder set the total score to {total:0.##}; this line adjusts the sum of the tests to it."),
                DurationMs = durationMs,
            });
        }

        problem = null;
        return mapped;
    }

    /// <summary>Gradescope's visibilities; absent means visible, and anything unknown (a typo) fails safe to hidden.</summary>
    private static Visibility MapVisibility(string? visibility) => visibility?.Trim().ToLowerInvariant() switch
    {
        null or "" or "visible" => Visibility.Visible,
        "after_due_date" => Visibility.AfterDueDate,
        _ => Visibility.Hidden,
    };

    /// <summary>The top-level <c>output</c> Gradescope shows with the results, when the results are visible to the student.</summary>
    public static string? SummaryOutput(byte[] json, bool revealHidden)
    {
        try
        {
            var results = JsonSerializer.Deserialize(json, GradescopeJsonContext.Default.GradescopeResults);
            if (results?.Output is not { Length: > 0 } output)
            {
                return null;
            }

            return revealHidden || MapVisibility(results.Visibility) == Visibility.Visible
                ? StudentText.Truncate(StudentText.Sanitize(output), 4_000)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
