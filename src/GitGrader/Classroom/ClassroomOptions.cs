using System.ComponentModel.DataAnnotations;

namespace GitGrader.Classroom;

/// <summary>The course GitGrader serves (configuration section <c>Classroom</c>).</summary>
public sealed class ClassroomOptions
{
    /// <summary>Configuration section.</summary>
    public const string ConfigurationKey = "Classroom";

    /// <summary>The classroom organisation: student repositories are <c>{Organization}/{assignment-slug}-{login}</c>.</summary>
    [Required(ErrorMessage = "Classroom:Organization is required: the GitHub organisation that holds the student repositories.")]
    public string Organization { get; set; } = string.Empty;

    /// <summary>The instructor repository, <c>owner/name</c>, that holds one summary issue per assignment.</summary>
    [Required(ErrorMessage = "Classroom:InstructorRepository is required: owner/name of the repository for the summary issues.")]
    public string InstructorRepository { get; set; } = string.Empty;

    /// <summary>Folder of assignment folders (<c>assignment.yml</c> + <c>hidden/</c>, or Classroom's <c>autograding.json</c>); each folder's name is the slug.</summary>
    [Required(ErrorMessage = "Classroom:AssignmentsFolder is required: the folder holding one folder per assignment.")]
    public string AssignmentsFolder { get; set; } = string.Empty;

    /// <summary>GitHub Classroom's roster export (<c>identifier,github_username,github_id,name</c>); optional.</summary>
    public string? RosterCsv { get; set; }

    /// <summary>Branches whose pushes (and pull requests from them) are graded; empty means every branch.</summary>
    public IList<string> Branches { get; init; } = [];

    /// <summary>Per-student daily limits on hidden-test feedback, in place of an assignment's <c>feedback:</c> number.</summary>
    public IList<FeedbackOverrideOptions> FeedbackOverrides { get; init; } = [];

    /// <summary>Per-student deadlines (extensions), besides each assignment folder's <c>extensions.csv</c>.</summary>
    public IList<ExtensionOptions> Extensions { get; init; } = [];

    /// <summary>Git base URL for fetching (<c>https://github.com/</c>); derived from the API URL when empty.</summary>
    public Uri? GitBaseUrl { get; set; }
}
