namespace GitGrader.Reporting;

/// <summary>The instructor's summary issues (configuration section <c>Summary</c>).</summary>
public sealed class SummaryOptions
{
    /// <summary>Configuration section.</summary>
    public const string ConfigurationKey = "Summary";

    /// <summary>Least time between two edits of one assignment's issue: 300 pushes in a minute make a handful of edits, well under GitHub's secondary rate limits.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the publisher looks for summaries that changed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
