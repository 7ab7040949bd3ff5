using System.ComponentModel.DataAnnotations;

namespace GitGrader.Reporting;

/// <summary>How queued check runs show their place in line (configuration section <c>Queue</c>).</summary>
public sealed class QueuePositionOptions
{
    /// <summary>Configuration section.</summary>
    public const string ConfigurationKey = "Queue";

    /// <summary>False to leave queued check runs at "Queued".</summary>
    public bool ShowPosition { get; set; } = true;

    /// <summary>How often the line is read; a run's place is rewritten at most this often.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Check run edits per minute at most, front of the line first: GitHub allows an installation 5,000 requests an hour,
    /// and grading needs most of them during a deadline spike.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Queue:MaxUpdatesPerMinute must be between 1 and 10000.")]
    public int MaxUpdatesPerMinute { get; set; } = 60;
}
