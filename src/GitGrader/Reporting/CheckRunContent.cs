using System.Globalization;
using GitGrader.Core.Reports;
using GitGrader.GitHub.Rest;

namespace GitGrader.Reporting;

/// <summary>What GitGrader shows on a check run at each stage of a submission.</summary>
public static partial class CheckRunContent
{
    private const string ExternalIdPrefix = "gitgrader-job-";

    /// <summary>External id of a job's check run, so a retry finds the run it created.</summary>
    public static string ExternalId(long jobId) => ExternalIdPrefix + jobId.ToString(CultureInfo.InvariantCulture);

    /// <summary>True for the external id of a job's check run (any job's).</summary>
    public static bool IsJobExternalId(string? externalId) => externalId?.StartsWith(ExternalIdPrefix, StringComparison.Ordinal) == true;

    /// <summary>While waiting in the queue.</summary>
    public static CheckRunOutput Queued { get; } = new()
    {
        Title = "Queued",
        Summary = "GitGrader received this commit and will grade it shortly.",
    };

    /// <summary>While grading.</summary>
    public static CheckRunOutput Grading { get; } = new()
    {
        Title = "Grading…",
        Summary = "GitGrader is running the tests on this commit.",
    };

    /// <summary>The title with the score, e.g. <c>7/10 points</c>.</summary>
    public static string ScoreTitle(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{Points(report.Score)}/{Points(report.MaxScore)} points";
    }

    /// <summary>The completed run of a graded submission.</summary>
    public static CheckRunOutput Graded(GradeReport report, string summary)
    {
        ArgumentNullException.ThrowIfNull(report);
        report = PrintableReport.Of(report);
        return new CheckRunOutput
        {
            Title = ScoreTitle(report),
            Summary = summary,
            Annotations = [.. report.Annotations.Select(a => new CheckRunAnnotation(a.Path, a.Line, a.Line, "failure", a.Message, a.Title))],
        };
    }

    /// <summary>Success for full marks, failure otherwise.</summary>
    public static CheckRunConclusion Conclusion(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Score >= report.MaxScore ? CheckRunConclusion.Success : CheckRunConclusion.Failure;
    }

    /// <summary>A newer push replaced this commit before it was graded.</summary>
    public static CheckRunOutput Superseded(string newerSha, string? branch) => new()
    {
        Title = "Skipped: a newer push replaced this commit",
        Summary = $"Commit `{newerSha[..Math.Min(12, newerSha.Length)]}` was pushed{(branch is null ? string.Empty : $" to {MarkdownText.Inline(branch)}")} before this one was graded. Only the newest commit is graded; its check run has the score.",
    };

    /// <summary>Our failure, to be retried: never a score.</summary>
    public static CheckRunOutput WillRetry(int attempt, int maxAttempts, DateTimeOffset retryAt) => new()
    {
        Title = "Grader error, will retry",
        Summary = $"GitGrader could not grade this commit (attempt {attempt} of {maxAttempts}). This is our side, not your code: it will try again at {retryAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC. You do not need to push again.",
    };

    /// <summary>Waiting out an outage of GitHub or the store; the grade (if done) is kept.</summary>
    public static CheckRunOutput WaitingOut(DateTimeOffset retryAt) => new()
    {
        Title = "Waiting for GitHub, will retry",
        Summary = $"GitGrader could not finish this commit because a service it depends on is not answering. This is not your code: it will try again at {retryAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, and keeps trying until it answers. You do not need to push again.",
    };

    /// <summary>No retry can grade this commit (its repository or the commit itself is gone); never a score.</summary>
    public static CheckRunOutput CannotGrade(string reason) => new()
    {
        Title = "Cannot be graded",
        Summary = $"GitGrader cannot grade this commit: it is no longer on GitHub (the repository or the commit was removed). Push it again to have it graded.\n\n{MarkdownText.CodeBlock(reason)}",
    };

    /// <summary>Our failure, final: never a score.</summary>
    public static CheckRunOutput GraderError(int attempts) => new()
    {
        Title = "Grader error",
        Summary = $"GitGrader could not grade this commit after {attempts} attempt(s). This is our side, not your code, and it is not a zero: course staff have been told and can re-run it with the \"Re-run\" button.",
    };

    private static string Points(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
