using System.ComponentModel.DataAnnotations;

namespace GitGrader.Worker;

/// <summary>How the grading worker runs (configuration section <c>Worker</c>).</summary>
public sealed class WorkerOptions
{
    /// <summary>Configuration section.</summary>
    public const string ConfigurationKey = "Worker";

    /// <summary>False to run <c>serve</c> as a webhook front-end only, leaving grading to <c>gitgrader worker</c> hosts sharing its PostgreSQL database (which grade whatever this says).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether a process that grades builds every assignment's prepared image (a Gradescope autograder's, or the one
    /// a setup's dependency installs run into) at start, one at a time in the background, so the first push waits for
    /// no build. False: each is built by the first grade of its assignment.
    /// </summary>
    public bool PrepareImagesAtStart { get; set; } = true;

    /// <summary>Submissions graded at once on this host (one container each).</summary>
    [Range(1, 256, ErrorMessage = "Worker:Concurrency must be between 1 and 256.")]
    public int Concurrency { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>
    /// How long a claimed job stays ours without renewal; it is renewed every third of it while the job is worked on.
    /// A job of a process that died is claimed again after it by another host, or at once by the process restarted on
    /// its host. 30 s: a host that vanishes costs its students at most 30 s, and two renewals in a row may fail
    /// (the store briefly unreachable) before the lease is lost.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle worker looks at the queue when nothing wakes it (other hosts' deliveries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Tries per job that fail through GitGrader's own fault before it ends as a grader error (an outage of GitHub or the store does not count).</summary>
    [Range(1, 100, ErrorMessage = "Worker:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the first retry; doubles each time.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest wait between two tries while an outage (GitHub, the store, the network) lasts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long after a job was queued an outage is waited out before the job ends as a grader error.</summary>
    public TimeSpan OutageTolerance { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Longest a <c>git fetch</c> of one commit may take.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Where commits are fetched while graded (a bare repository per job, deleted afterwards); the system temp folder when empty.</summary>
    public string? WorkFolder { get; set; }
}
