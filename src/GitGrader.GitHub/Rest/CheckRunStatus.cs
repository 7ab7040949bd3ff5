namespace GitGrader.GitHub.Rest;

/// <summary>A check run's status (<c>queued</c>, <c>in_progress</c>, <c>completed</c>).</summary>
public enum CheckRunStatus
{
    /// <summary><c>queued</c></summary>
    Queued,

    /// <summary><c>in_progress</c></summary>
    InProgress,

    /// <summary><c>completed</c></summary>
    Completed,
}
