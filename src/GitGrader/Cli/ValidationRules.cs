using GitGrader.Core.Reports;

namespace GitGrader.Cli;

/// <summary>What <c>validate</c> demands of an assignment's two reference submissions.</summary>
internal static class ValidationRules
{
    public static IReadOnlyList<ValidationProblem> Check(GradeReport solution, GradeReport starter)
    {
        var problems = new List<ValidationProblem>();
        if (solution.Rejection is { } solutionRejected)
        {
            problems.Add(new ValidationProblem($"solution/ was rejected: {solutionRejected}", null));
        }

        foreach (var test in solution.Tests.Where(t => t.Status != TestStatus.Passed || t.Score < t.MaxScore))
        {
            var detail = string.Join('\n', new[]
            {
                test.Expected is null ? null : "expected:\n" + test.Expected,
                test.Actual is null ? null : "actual:\n" + test.Actual,
                string.IsNullOrEmpty(test.Output) ? null : "output:\n" + test.Output,
            }.Where(s => s is not null));
            problems.Add(new ValidationProblem($"test '{test.Name}' misbehaves: the reference solution gets {test.Status} ({test.Message})", detail));
        }

        if (solution.MaxScore <= 0)
        {
            problems.Add(new ValidationProblem("the assignment is worth 0 points: give its tests points.", null));
        }

        if (starter.Score >= starter.MaxScore && starter.MaxScore > 0)
        {
            var passing = string.Join(", ", starter.Tests.Where(t => t.Status == TestStatus.Passed).Select(t => $"'{t.Name}'"));
            problems.Add(new ValidationProblem($"the starter gets full marks ({starter.Score}/{starter.MaxScore}); the tests do not tell a finished submission from the starter. Passing: {passing}", null));
        }

        return problems;
    }
}
