using GitGrader.Core.Assignments;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Grading;

/// <summary>
/// What a student may learn of a test they may not see (hidden; after the due date, before it; a
/// Gradescope entry whose visibility hides it): its name, verdict and points, nothing else. The
/// message becomes a fixed text per verdict and the time is dropped, because an exit status, a
/// signal, an exact duration or any detail of the run is a channel a submission can modulate with
/// the bytes of a hidden file. With <c>--reveal-hidden</c> (instructors) everything is kept.
/// </summary>
internal sealed class HiddenResultPolicy
{
    private readonly bool _revealAll;
    private readonly bool _revealAfterDueDate;

    public HiddenResultPolicy(bool revealAll, bool revealAfterDueDate)
    {
        _revealAll = revealAll;
        _revealAfterDueDate = revealAfterDueDate;
    }

    /// <summary>Whether a result of this visibility is shown in full.</summary>
    public bool Reveals(Visibility visibility) =>
        _revealAll || visibility == Visibility.Visible || (visibility == Visibility.AfterDueDate && _revealAfterDueDate);

    /// <summary>
    /// Conceals every result the student may not see. When <paramref name="sharedRun"/> is set the
    /// results were all timed by one run (a Gradescope autograder), so if any is concealed, none keeps
    /// the run's time: a visible entry's time would include the hidden ones'.
    /// </summary>
    public IReadOnlyList<TestResult> Apply(IReadOnlyList<TestResult> results, bool sharedRun = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        var anyConcealed = results.Any(r => !Reveals(r.Visibility));
        return results
            .Select(r => !Reveals(r.Visibility) ? Conceal(r) : sharedRun && anyConcealed ? r with { DurationMs = 0 } : r)
            .ToList();
    }

    /// <summary>Name, verdict and points only; the message a fixed text of the verdict.</summary>
    public static TestResult Conceal(TestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result with
        {
            Message = MessageFor(result.Status),
            Output = string.Empty,
            Expected = null,
            Actual = null,
            DurationMs = 0,
            Concealed = true,
        };
    }

    /// <summary>The one text a concealed result of this verdict carries.</summary>
    public static string MessageFor(TestStatus status) => status switch
    {
        TestStatus.Passed => "Passed.",
        TestStatus.Failed => "Failed.",
        TestStatus.Timeout => "Timed out.",
        TestStatus.MemoryLimit => "Ran out of memory.",
        TestStatus.RuntimeError => "Runtime error.",
        TestStatus.CompileError => "Does not compile.",
        _ => "Grader error: this test could not be run; it will be retried.",
    };

    /// <summary>
    /// The grade's total time as shown: exact when nothing is concealed, otherwise rounded up to whole
    /// seconds, the resolution at which GitHub already shows a check run's start and end to the student.
    /// </summary>
    public static long TotalDurationMs(IEnumerable<TestResult> results, long elapsedMs)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Any(r => r.Concealed) ? (elapsedMs + 999) / 1000 * 1000 : elapsedMs;
    }
}
