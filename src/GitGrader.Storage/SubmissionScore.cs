namespace GitGrader.Storage;

/// <summary>One submission of a student with the score of its newest result, for deciding the recorded grade (late policy, <c>counts:</c>).</summary>
public sealed record SubmissionScore
{
    /// <summary>The commit.</summary>
    public required string Sha { get; init; }

    /// <summary>When its webhook arrived (for a recovered one, GitHub's first attempt to deliver it).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Score of its newest result (a regrade's replaces an earlier one); null while not graded.</summary>
    public double? Score { get; init; }

    /// <summary>Points available in that result.</summary>
    public double? MaxScore { get; init; }

    /// <summary>It reached GitGrader through recovery.</summary>
    public bool Recovered { get; init; }
}
