namespace GitGrader.Storage;

/// <summary>One student's standing on one assignment, for the summary issue and export.</summary>
public sealed record StudentScore
{
    /// <summary>Student login.</summary>
    public required string Student { get; init; }

    /// <summary><c>owner/name</c> of the latest submission.</summary>
    public required string Repository { get; init; }

    /// <summary>Best graded score over all submissions (null when none graded yet).</summary>
    public double? BestScore { get; init; }

    /// <summary>Score of the latest graded submission.</summary>
    public double? LatestScore { get; init; }

    /// <summary>Points available (from the latest graded report).</summary>
    public double? MaxScore { get; init; }

    /// <summary>Commit of the latest submission.</summary>
    public required string LatestSha { get; init; }

    /// <summary>When the latest submission's webhook arrived.</summary>
    public required DateTimeOffset LatestReceivedAt { get; init; }

    /// <summary>Number of submissions (pushes of distinct commits).</summary>
    public required int Attempts { get; init; }

    /// <summary>The latest submission reached GitGrader through recovery (see <see cref="SubmissionRecord.Recovered"/>).</summary>
    public bool LatestRecovered { get; init; }

    /// <summary>Every submission, in the order received (of two received at once, in the order recorded), graded or not.</summary>
    public IReadOnlyList<SubmissionScore> Submissions { get; init; } = [];
}
