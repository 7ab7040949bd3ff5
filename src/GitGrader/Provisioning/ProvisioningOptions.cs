namespace GitGrader.Provisioning;

/// <summary>How students' repositories are made (configuration section <c>Provisioning</c>).</summary>
public sealed class ProvisioningOptions
{
    /// <summary>Configuration section.</summary>
    public const string ConfigurationKey = "Provisioning";

    /// <summary>How long one process holds a student's repository while making it; another process waits (or, past it, takes over).</summary>
    public TimeSpan Hold { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long to wait for GitHub to fill a repository generated from a template (it does so in the background).</summary>
    public TimeSpan TemplateFillTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a step GitHub throttles (secondary limits: 80 content-creating requests a minute, 500 an hour) is tried
    /// again before the student is reported as failed (a rerun finishes them).
    /// </summary>
    public TimeSpan RateLimitPatience { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The pause between two tries of a throttled step.</summary>
    public TimeSpan ThrottlePause { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often <c>serve</c> looks for students whose access does not follow their deadline yet (besides at each deadline).</summary>
    public TimeSpan CutoffInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Title of the Feedback pull request (as Classroom named it).</summary>
    public string PullRequestTitle { get; set; } = "Feedback";
}
