using GitGrader.Core.Assignments;

namespace GitGrader.Core.Grading;

/// <summary>
/// Where a submission's files come from (a folder on disk, a fetched commit): every source reads them
/// through <see cref="SubmissionPlan"/>, so the caps, the rules for links and odd names, and the notes
/// the student reads do not depend on the source.
/// </summary>
public interface ISubmissionSource
{
    /// <summary>
    /// Reads the submission into a snapshot under <paramref name="limits"/>: caps are checked before any
    /// content is read, and a submission over them comes back with its rejection and no files.
    /// </summary>
    Task<SubmissionSnapshot> ReadAsync(ResourceLimits limits, CancellationToken cancellationToken);
}
