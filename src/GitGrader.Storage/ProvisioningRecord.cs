namespace GitGrader.Storage;

/// <summary>A student's repository of an assignment, as far as GitGrader has made it.</summary>
/// <param name="Assignment">The assignment's slug.</param>
/// <param name="Student">The student's login (as first recorded).</param>
/// <param name="Repository"><c>owner/name</c>.</param>
/// <param name="RepositoryId">GitHub's id of the repository GitGrader made (null until made): a repository of that name with another id is not this student's.</param>
/// <param name="HtmlUrl">Its page.</param>
/// <param name="CreateRequestedAt">When GitGrader first asked GitHub to create it (a repository created after that, with no id recorded, is the one it asked for).</param>
/// <param name="StarterSha">The starter commit (the <c>feedback</c> branch's).</param>
/// <param name="CollaboratorAdded">The student was invited (or was a collaborator) with push.</param>
/// <param name="FeedbackBranch">The <c>feedback</c> branch exists.</param>
/// <param name="PullRequest">The Feedback pull request's number.</param>
/// <param name="BranchProtected">The <c>feedback</c> branch is protected.</param>
/// <param name="CompletedAt">When every step was done.</param>
/// <param name="LastError">Why the last try stopped (safe to show), or null.</param>
/// <param name="Access">The access the cut-off applied: <c>push</c>, <c>pull</c>, or null (never changed since provisioning).</param>
/// <param name="AccessDeadline">The deadline that access follows from.</param>
public sealed record ProvisioningRecord(
    string Assignment,
    string Student,
    string Repository,
    long? RepositoryId,
    string? HtmlUrl,
    DateTimeOffset? CreateRequestedAt,
    string? StarterSha,
    bool CollaboratorAdded,
    bool FeedbackBranch,
    int? PullRequest,
    bool BranchProtected,
    DateTimeOffset? CompletedAt,
    string? LastError,
    string? Access = null,
    DateTimeOffset? AccessDeadline = null)
{
    /// <summary>Every step done.</summary>
    public bool IsComplete => CompletedAt is not null;
}
