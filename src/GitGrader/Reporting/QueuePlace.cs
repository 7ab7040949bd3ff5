using System.Globalization;

namespace GitGrader.Reporting;

/// <summary>
/// A queued job's place as a student reads it: how many are ahead (exact up to 5, then in steps, so the text, and the
/// check run, change a handful of times on the way to the front rather than at every grade) and about how long.
/// </summary>
/// <param name="Ahead">Jobs to be claimed before this one, rounded down to its step.</param>
/// <param name="Wait">About how long until it is graded; null when the line has not moved lately.</param>
public sealed record QueuePlace(int Ahead, TimeSpan? Wait)
{
    private static readonly int[] Steps = [0, 1, 2, 3, 4, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

    /// <summary>
    /// The place of the job with <paramref name="ahead"/> jobs before it, when <paramref name="finished"/> jobs ended in the
    /// last <paramref name="window"/> and <paramref name="running"/> run now.
    /// </summary>
    public static QueuePlace Of(int ahead, int running, int finished, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ahead);
        var step = Steps.Last(s => s <= ahead);
        TimeSpan? wait = finished > 0 ? window * ((ahead + running + 1.0) / finished) : null;
        return new QueuePlace(step, wait is { } w ? Round(w) : null);
    }

    /// <summary>"37 ahead of you" / "next in line".</summary>
    public string Title => Ahead switch
    {
        0 => "Queued: next in line",
        <= 5 => string.Create(CultureInfo.InvariantCulture, $"Queued: {Ahead} ahead of you"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Queued: {Ahead}+ ahead of you"),
    };

    /// <summary>The sentence under the title.</summary>
    public string Summary => Wait is { } wait
        ? $"GitGrader received this commit; it is in line to be graded, about {Describe(wait)} from now. You do not need to push again: this line moves by itself."
        : "GitGrader received this commit; it is in line to be graded. You do not need to push again: this line moves by itself.";

    private static TimeSpan Round(TimeSpan wait) => wait < TimeSpan.FromMinutes(2)
        ? TimeSpan.FromSeconds(Math.Max(10, Math.Ceiling(wait.TotalSeconds / 10) * 10))
        : TimeSpan.FromMinutes(Math.Ceiling(wait.TotalMinutes));

    private static string Describe(TimeSpan wait) => wait < TimeSpan.FromMinutes(2)
        ? string.Create(CultureInfo.InvariantCulture, $"{wait.TotalSeconds:0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{wait.TotalMinutes:0} min");
}
