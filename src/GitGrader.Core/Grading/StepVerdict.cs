using GitGrader.Core.Reports;

namespace GitGrader.Core.Grading;

/// <summary>A verdict with the grader's one-line reason (safe to show for any visibility).</summary>
public sealed record StepVerdict(TestStatus Status, string Message);
