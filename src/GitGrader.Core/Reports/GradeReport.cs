namespace GitGrader.Core.Reports;

/// <summary>The one report model of a graded submission; rendered to terminal, JSON and Markdown.</summary>
public sealed record GradeReport
{
    /// <summary>Assignment name.</summary>
    public required string Assignment { get; init; }

    /// <summary>Assignment slug.</summary>
    public required string Slug { get; init; }

    /// <summary>Points earned over every test, hidden ones included.</summary>
    public required double Score { get; init; }

    /// <summary>Points available.</summary>
    public required double MaxScore { get; init; }

    /// <summary>Wall-clock time of the whole grade.</summary>
    public required long DurationMs { get; init; }

    /// <summary>When grading finished.</summary>
    public required DateTimeOffset GradedAt { get; init; }

    /// <summary>Per test (or case), in assignment order.</summary>
    public required IReadOnlyList<TestResult> Tests { get; init; }

    /// <summary>Lines pinned to the student's files.</summary>
    public IReadOnlyList<Annotation> Annotations { get; init; } = [];

    /// <summary>Things the student should know about how their files were taken (skipped symlinks, …).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Set when the submission could not be graded at all because of what it holds (too big, too many files).</summary>
    public string? Rejection { get; init; }

    /// <summary>True when any test ended as a grader error: the grade is not final and should be retried.</summary>
    public bool HasGraderError => Tests.Any(t => t.Status == TestStatus.Error);
}
