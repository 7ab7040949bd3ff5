namespace GitGrader.GitHub.Rest;

/// <summary>A completed check run's conclusion.</summary>
public enum CheckRunConclusion
{
    /// <summary><c>success</c>: full marks.</summary>
    Success,

    /// <summary><c>failure</c>: graded, points lost.</summary>
    Failure,

    /// <summary><c>neutral</c>: not graded because of us (grader error).</summary>
    Neutral,

    /// <summary><c>skipped</c>: superseded by a newer push.</summary>
    Skipped,

    /// <summary><c>cancelled</c></summary>
    Cancelled,

    /// <summary><c>timed_out</c></summary>
    TimedOut,

    /// <summary><c>action_required</c></summary>
    ActionRequired,
}
