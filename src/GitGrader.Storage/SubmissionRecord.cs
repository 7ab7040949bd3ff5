namespace GitGrader.Storage;

/// <summary>A recorded submission.</summary>
public sealed record SubmissionRecord
{
    /// <summary>Id.</summary>
    public required long Id { get; init; }

    /// <summary>Assignment slug.</summary>
    public required string Assignment { get; init; }

    /// <summary>Student login.</summary>
    public required string Student { get; init; }

    /// <summary><c>owner/name</c>.</summary>
    public required string Repository { get; init; }

    /// <summary>Installation id.</summary>
    public required long InstallationId { get; init; }

    /// <summary>Branch.</summary>
    public string? Branch { get; init; }

    /// <summary>Commit.</summary>
    public required string Sha { get; init; }

    /// <summary>When the webhook arrived.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>
    /// The push reached GitGrader only when it was recovered (GitHub could not deliver it at first and delivered it again
    /// when GitGrader asked); <see cref="ReceivedAt"/> is then the time of GitHub's first attempt.
    /// </summary>
    public bool Recovered { get; init; }
}
