using System.ComponentModel.DataAnnotations;

namespace GitGrader.Recovery;

/// <summary>How <c>serve</c> recovers deliveries GitHub could not make (configuration section <c>Recovery</c>).</summary>
public sealed class RecoveryOptions
{
    /// <summary>Configuration section.</summary>
    public const string ConfigurationKey = "Recovery";

    /// <summary>False to never look at GitHub's delivery log.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Wait after start before the first look (the webhook must be listening when GitHub redelivers).</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the delivery log is read after the first look.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How far back the first look reads (GitHub keeps three days of deliveries); later looks read since the previous one.</summary>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(3);

    /// <summary>A redelivery asked for and not received is asked for again after this.</summary>
    public TimeSpan AskAgainAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Times one delivery is asked for at most.</summary>
    [Range(1, 20, ErrorMessage = "Recovery:MaxAsks must be between 1 and 20.")]
    public int MaxAsks { get; set; } = 3;

    /// <summary>Redeliveries asked for in one look at most (GitHub's rate limits); the rest wait for the next.</summary>
    [Range(1, 5000, ErrorMessage = "Recovery:MaxPerLook must be between 1 and 5000.")]
    public int MaxPerLook { get; set; } = 500;

    /// <summary>
    /// How often each student repository's recent pushes are compared with what the store recorded, to grade a branch
    /// head whose push GitHub never delivered at all (a delivery outage of GitHub's own, or one older than its delivery
    /// log). Zero: never. The first sweep follows the first look at the delivery log.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A head pushed less than this ago is left to its delivery, or to the redelivery the delivery log's look asks for (which
    /// keeps the time of GitHub's first attempt): the sweep is for what GitHub never tried to deliver.
    /// </summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Repositories one sweep looks at most; a course with more is covered over several sweeps, in turn. One request each,
    /// conditional: a repository with no new push since the last sweep costs GitHub's rate limit nothing.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Recovery:SweepMaxRepositories must be between 1 and 100000.")]
    public int SweepMaxRepositories { get; set; } = 2000;

    /// <summary>Repositories a sweep reads at once.</summary>
    [Range(1, 16, ErrorMessage = "Recovery:SweepConcurrency must be between 1 and 16.")]
    public int SweepConcurrency { get; set; } = 4;
}
