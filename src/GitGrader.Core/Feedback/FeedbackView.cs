using GitGrader.Core.Grading;
using GitGrader.Core.Reports;

namespace GitGrader.Core.Feedback;

/// <summary>The report a student is shown of a commit under a feedback limit.</summary>
public static class FeedbackView
{
    /// <summary>
    /// What the student sees of <paramref name="report"/>: unchanged when no limit applies; in full
    /// with a note saying how many results are used when <see cref="FeedbackDecision.HiddenShown"/>;
    /// otherwise <see cref="VisibleOnly"/>.
    /// </summary>
    public static GradeReport ForStudent(GradeReport report, FeedbackDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Describe(now) is not { } line)
        {
            return report;
        }

        return decision.HiddenShown ? report with { Notes = [line, .. report.Notes] } : VisibleOnly(report, line);
    }

    /// <summary>
    /// <paramref name="report"/> with only its visible tests: score and maximum over those alone
    /// (so no number includes a hidden test), annotations of those tests only, the time of those tests only
    /// (a hidden test that runs into its timeout would otherwise show in the total), <paramref name="note"/> first among the notes.
    /// </summary>
    public static GradeReport VisibleOnly(GradeReport report, string note)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(note);
        var kept = report.Tests.Where(t => !FeedbackAllowance.IsWithheld(t)).ToList();
        var withheld = report.Tests.Where(FeedbackAllowance.IsWithheld).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return report with
        {
            Assignment = $"{report.Assignment} (visible tests only)",
            Score = CaseResultBuilder.Round(kept.Sum(t => t.Score)),
            MaxScore = CaseResultBuilder.Round(kept.Sum(t => t.MaxScore)),
            DurationMs = kept.Sum(t => t.DurationMs),
            Tests = kept,
            Annotations = [.. report.Annotations.Where(a => !withheld.Contains(a.Title))],
            Notes = [note, .. report.Notes],
        };
    }
}
