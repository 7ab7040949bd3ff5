using GitGrader.GitHub;

namespace GitGrader.Classroom;

/// <summary>Everything about the course that is read once at start: assignments, roster, where repositories live.</summary>
public sealed class Course
{
    /// <summary>Creates a course.</summary>
    public Course(AssignmentCatalog catalog, Roster roster, RepositoryRef instructorRepository, Uri gitBaseUrl, CourseFeedback? feedback = null, StudentDeadlines? deadlines = null, ImportedClassroomPoints? classroomPoints = null)
    {
        Feedback = feedback ?? CourseFeedback.None;
        Deadlines = deadlines ?? StudentDeadlines.None;
        ClassroomPoints = classroomPoints ?? ImportedClassroomPoints.None;
        Catalog = catalog;
        Roster = roster;
        InstructorRepository = instructorRepository;
        GitBaseUrl = gitBaseUrl;
    }

    /// <summary>The assignments and the repository mapping.</summary>
    public AssignmentCatalog Catalog { get; }

    /// <summary>Daily limits on hidden-test feedback, with the per-student overrides.</summary>
    public CourseFeedback Feedback { get; }

    /// <summary>Each student's deadline per assignment (the assignment's, or their extension's).</summary>
    public StudentDeadlines Deadlines { get; }

    /// <summary>Points GitHub Classroom recorded before the course moved (imported by <c>gitgrader import-classroom</c>), shown as such.</summary>
    public ImportedClassroomPoints ClassroomPoints { get; }

    /// <summary>The students.</summary>
    public Roster Roster { get; }

    /// <summary>Where the summary issues go.</summary>
    public RepositoryRef InstructorRepository { get; }

    /// <summary>Base URL of git remotes: <c>{GitBaseUrl}{owner}/{name}.git</c>.</summary>
    public Uri GitBaseUrl { get; }

    /// <summary>The git remote of <c>owner/name</c>.</summary>
    public Uri CloneUrl(string repository) => new(GitBaseUrl, repository + ".git");

    /// <summary>Reads and checks the configuration; every problem is a <see cref="ConfigurationException"/> naming the key or file.</summary>
    public static async Task<Course> LoadAsync(ClassroomOptions options, GitHubAppOptions gitHub, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gitHub);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Organization))
        {
            problems.Add("Classroom:Organization is required: the GitHub organisation that holds the student repositories.");
        }

        RepositoryRef? instructor = null;
        try
        {
            instructor = RepositoryRef.Parse(options.InstructorRepository ?? string.Empty);
        }
        catch (FormatException ex)
        {
            problems.Add($"Classroom:InstructorRepository: {ex.Message}");
        }

        if (string.IsNullOrWhiteSpace(options.AssignmentsFolder))
        {
            problems.Add("Classroom:AssignmentsFolder is required: the folder holding one folder per assignment.");
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(string.Join(Environment.NewLine, problems));
        }

        var catalog = await AssignmentCatalog.LoadAsync(options.Organization, options.AssignmentsFolder, cancellationToken).ConfigureAwait(false);
        var roster = string.IsNullOrWhiteSpace(options.RosterCsv)
            ? Roster.Empty
            : await RosterCsvReader.ReadAsync(options.RosterCsv, cancellationToken).ConfigureAwait(false);
        var classroomPoints = await ImportedClassroomPoints.LoadAsync(catalog, cancellationToken).ConfigureAwait(false);
        var feedback = CourseFeedback.Create(catalog, options.FeedbackOverrides, problems);
        var deadlines = await StudentDeadlines.LoadAsync(catalog, roster, options.Extensions, problems, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            throw new ConfigurationException(string.Join(Environment.NewLine, problems));
        }

        return new Course(catalog, roster, instructor!, options.GitBaseUrl ?? GitBaseUrlFor(gitHub.ApiBaseUrl), feedback, deadlines, classroomPoints);
    }

    /// <summary><c>https://github.com/</c> for api.github.com; the host root for GitHub Enterprise Server's <c>/api/v3/</c>.</summary>
    public static Uri GitBaseUrlFor(Uri apiBaseUrl) => GitHubWebBase.For(apiBaseUrl);
}
