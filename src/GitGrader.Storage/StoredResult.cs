using GitGrader.Core.Reports;

namespace GitGrader.Storage;

/// <summary>A persisted grade of a submission.</summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="JobId">The job that graded it.</param>
/// <param name="Report">The full report (as <see cref="JsonReportWriter"/> writes it).</param>
public sealed record StoredResult(long SubmissionId, long JobId, GradeReport Report);
