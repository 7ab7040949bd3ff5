namespace GitGrader.Worker;

/// <summary>Whose fault a failed try of a job was, which decides what happens next (see <see cref="JobFailurePolicy"/>).</summary>
public enum FailureKind
{
    /// <summary>GitGrader's own (a grader error, the engine refusing, a bug): tried again a few times, then ended as a grader error.</summary>
    Ours,

    /// <summary>An outage of what GitGrader depends on (GitHub 5xx or unreachable, rate limits, the store, the network): waited out.</summary>
    Outside,

    /// <summary>What no retry can change (the repository or the commit is gone): ended at once.</summary>
    Permanent,
}
