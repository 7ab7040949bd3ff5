using Octo = Octokit;

namespace GitGrader.GitHub.Rest;

/// <summary>GitGrader's check run vocabulary in Octokit's terms (whose <c>[Parameter]</c> spellings are GitHub's), and timestamps to the second.</summary>
internal static class WireFormat
{
    /// <summary><c>queued</c>, <c>in_progress</c>, <c>completed</c>.</summary>
    public static Octo.CheckStatus Status(CheckRunStatus status) => status switch
    {
        CheckRunStatus.Queued => Octo.CheckStatus.Queued,
        CheckRunStatus.InProgress => Octo.CheckStatus.InProgress,
        CheckRunStatus.Completed => Octo.CheckStatus.Completed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a check run status."),
    };

    /// <summary><c>success</c>, <c>failure</c>, <c>neutral</c>, <c>skipped</c>, <c>cancelled</c>, <c>timed_out</c>, <c>action_required</c>.</summary>
    public static Octo.CheckConclusion Conclusion(CheckRunConclusion conclusion) => conclusion switch
    {
        CheckRunConclusion.Success => Octo.CheckConclusion.Success,
        CheckRunConclusion.Failure => Octo.CheckConclusion.Failure,
        CheckRunConclusion.Neutral => Octo.CheckConclusion.Neutral,
        CheckRunConclusion.Skipped => Octo.CheckConclusion.Skipped,
        CheckRunConclusion.Cancelled => Octo.CheckConclusion.Cancelled,
        CheckRunConclusion.TimedOut => Octo.CheckConclusion.TimedOut,
        CheckRunConclusion.ActionRequired => Octo.CheckConclusion.ActionRequired,
        _ => throw new ArgumentOutOfRangeException(nameof(conclusion), conclusion, "Not a check run conclusion."),
    };

    /// <summary>An annotation's level: <c>notice</c>, <c>warning</c> or <c>failure</c> (GitHub takes no other).</summary>
    /// <exception cref="ArgumentException">Any other level.</exception>
    public static Octo.CheckAnnotationLevel AnnotationLevel(string level) => level switch
    {
        "notice" => Octo.CheckAnnotationLevel.Notice,
        "warning" => Octo.CheckAnnotationLevel.Warning,
        "failure" => Octo.CheckAnnotationLevel.Failure,
        _ => throw new ArgumentException($"An annotation's level is notice, warning or failure, not '{level}'.", nameof(level)),
    };

    /// <summary>The instant in UTC, whole seconds (Octokit writes <c>yyyy-MM-ddTHH:mm:ss.FFFFFFFZ</c>, so this gives <c>yyyy-MM-ddTHH:mm:ssZ</c>).</summary>
    public static DateTimeOffset? Timestamp(DateTimeOffset? value)
        => value is { } present ? new DateTimeOffset(present.UtcTicks - (present.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : null;
}
