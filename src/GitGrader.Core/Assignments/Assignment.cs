namespace GitGrader.Core.Assignments;

/// <summary>An assignment as loaded from its folder: what to run, in which image, under which limits, for how many points.</summary>
public sealed record Assignment
{
    /// <summary>Short identifier, the folder name by default (student repos are named <c>&lt;slug&gt;-&lt;login&gt;</c>).</summary>
    public required string Slug { get; init; }

    /// <summary>Human name, used as the check-run name and report title.</summary>
    public required string Name { get; init; }

    /// <summary>Docker image the tests run in, e.g. <c>gitgrader/python:latest</c>.</summary>
    public required string Image { get; init; }

    /// <summary>The assignment folder (holding <c>hidden/</c>, <c>starter/</c>, <c>solution/</c>).</summary>
    public required string Directory { get; init; }

    /// <summary>Which file it was read from.</summary>
    public AssignmentFormat Format { get; init; } = AssignmentFormat.GitGrader;

    /// <summary>Deadline, with its time zone; null when there is none.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>
    /// The template repository students' repositories are generated from (<c>template: owner/name</c>), or null: then
    /// they are made from <see cref="StarterDirectory"/>.
    /// </summary>
    public TemplateRepository? Template { get; init; }

    /// <summary>
    /// <c>close_at_deadline: true</c>: at each student's deadline their push access is lowered to read (restored for a
    /// student whose extension is later). Needs a <see cref="Deadline"/>.
    /// </summary>
    public bool CloseAtDeadline { get; init; }

    /// <summary>The <c>timezone</c> local times of the assignment (its deadline, its students' extensions) are read in; null when none is set.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>Grace period and penalty for late submissions (<c>late:</c>).</summary>
    public LatePolicy Late { get; init; } = LatePolicy.None;

    /// <summary>Which submission gives the recorded score (<c>counts:</c>).</summary>
    public SubmissionCounting Counts { get; init; } = SubmissionCounting.Best;

    /// <summary>Caps for grading one submission.</summary>
    public ResourceLimits Limits { get; init; } = ResourceLimits.Default;

    /// <summary>The daily limit on hidden-test feedback; null when every result is shown.</summary>
    public Feedback.FeedbackLimit? Feedback { get; init; }

    /// <summary>A build step run once, before any test, on the student's files only; when it fails every test is a compile error.</summary>
    public string? Setup { get; init; }

    /// <summary>The tests, in report order.</summary>
    public required IReadOnlyList<TestDefinition> Tests { get; init; }

    /// <summary>What the instructor should know about how the file was read (shown by <c>validate</c>), e.g. an imported command run as written.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Sum of the tests' points.</summary>
    public double MaxScore => Tests.Sum(t => t.Points);

    /// <summary>The folder of tests students never see.</summary>
    public string HiddenDirectory => Path.Combine(Directory, "hidden");

    /// <summary>What students start from.</summary>
    public string StarterDirectory => Path.Combine(Directory, "starter");

    /// <summary>A Gradescope autograder's folder (<c>setup.sh</c>, <c>run_autograder</c>, …).</summary>
    public string AutograderDirectory => Path.Combine(Directory, "autograder");

    /// <summary>The reference solution.</summary>
    public string SolutionDirectory => Path.Combine(Directory, "solution");
}
