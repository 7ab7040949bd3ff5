namespace GitGrader.Storage;

/// <summary>A commit to grade, as a delivery announced it.</summary>
public sealed record NewSubmission
{
    /// <summary>Assignment slug.</summary>
    public required string Assignment { get; init; }

    /// <summary>Student's GitHub login (from the repository name).</summary>
    public required string Student { get; init; }

    /// <summary><c>owner/name</c>.</summary>
    public required string Repository { get; init; }

    /// <summary>The App installation that reaches the repository.</summary>
    public required long InstallationId { get; init; }

    /// <summary>Branch (null when not on a branch).</summary>
    public string? Branch { get; init; }

    /// <summary>The commit.</summary>
    public required string Sha { get; init; }

    /// <summary>When the webhook arrived: the submission time, never a commit date.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>
    /// Found by a recovery rather than delivered (a sweep of branch heads): shown so, with <see cref="ReceivedAt"/> the time
    /// GitHub recorded for the push. A redelivery GitGrader asked for is marked so by the store itself.
    /// </summary>
    public bool Recovered { get; init; }
}
