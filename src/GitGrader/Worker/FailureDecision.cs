namespace GitGrader.Worker;

/// <summary>What to do after a failed try of a job.</summary>
/// <param name="Kind">Whose fault it was.</param>
/// <param name="RetryAt">When to try again; null to end the job now.</param>
public sealed record FailureDecision(FailureKind Kind, DateTimeOffset? RetryAt)
{
    /// <summary>The job ends now.</summary>
    public bool GivesUp => RetryAt is null;
}
