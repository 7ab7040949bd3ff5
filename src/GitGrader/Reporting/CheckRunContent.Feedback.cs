using GitGrader.Core.Feedback;
using GitGrader.Core.Reports;
using GitGrader.GitHub.Rest;

namespace GitGrader.Reporting;

/// <summary>The check run of a graded commit under a feedback limit.</summary>
public static partial class CheckRunContent
{
    /// <summary>
    /// The completed run of <paramref name="shown"/> (the student's view, <see cref="FeedbackView.ForStudent"/>):
    /// past the limit the title says the points are of the visible tests and the summary opens with
    /// how many of the day's hidden results are used and when they come back.
    /// </summary>
    public static CheckRunOutput Graded(GradeReport shown, string summary, FeedbackDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(decision);
        var output = Graded(shown, summary);
        if (decision.Describe(now) is not { } line)
        {
            return output;
        }

        var quoted = $"> **{MarkdownText.Inline(line)}**\n\n{summary}";
        return output with
        {
            Title = decision.HiddenShown ? output.Title : $"{output.Title} on visible tests (hidden results used up today)",
            Summary = quoted.Length <= MarkdownReportRenderer.MaxLength ? quoted : summary,
        };
    }

    /// <summary>
    /// <see cref="Conclusion(GradeReport)"/> of the student's view; neutral past the limit, so that
    /// neither a success nor a failure says anything about the hidden tests.
    /// </summary>
    public static CheckRunConclusion Conclusion(GradeReport shown, FeedbackDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.HiddenShown ? Conclusion(shown) : CheckRunConclusion.Neutral;
    }
}
