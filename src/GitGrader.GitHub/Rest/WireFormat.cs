using System.Globalization;

namespace GitGrader.GitHub.Rest;

/// <summary>GitHub's spelling of GitGrader's enums and timestamps.</summary>
internal static class WireFormat
{
    /// <summary><c>queued</c>, <c>in_progress</c>, <c>completed</c>.</summary>
    public static string Name(CheckRunStatus status) => status switch
    {
        CheckRunStatus.Queued => "queued",
        CheckRunStatus.InProgress => "in_progress",
        CheckRunStatus.Completed => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a check run status."),
    };

    /// <summary><c>success</c>, <c>failure</c>, <c>neutral</c>, <c>skipped</c>, <c>cancelled</c>, <c>timed_out</c>, <c>action_required</c>.</summary>
    public static string Name(CheckRunConclusion conclusion) => conclusion switch
    {
        CheckRunConclusion.Success => "success",
        CheckRunConclusion.Failure => "failure",
        CheckRunConclusion.Neutral => "neutral",
        CheckRunConclusion.Skipped => "skipped",
        CheckRunConclusion.Cancelled => "cancelled",
        CheckRunConclusion.TimedOut => "timed_out",
        CheckRunConclusion.ActionRequired => "action_required",
        _ => throw new ArgumentOutOfRangeException(nameof(conclusion), conclusion, "Not a check run conclusion."),
    };

    /// <summary>ISO 8601 in UTC to the second: <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Timestamp(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><see cref="Timestamp(DateTimeOffset)"/>, or null.</summary>
    public static string? Timestamp(DateTimeOffset? value) => value is { } present ? Timestamp(present) : null;
}
