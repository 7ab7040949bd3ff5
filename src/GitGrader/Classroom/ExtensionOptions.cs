namespace GitGrader.Classroom;

/// <summary>
/// One entry of <c>Classroom:Extensions</c>: a student's own deadline for an assignment, e.g.
/// <c>{ Assignment: lab-1, Student: octocat, Until: "2026-12-20 23:59" }</c>. <c>Until</c> is read
/// as the assignment's <c>deadline</c> is (an offset, or a local time in its <c>timezone</c>).
/// </summary>
public sealed class ExtensionOptions
{
    /// <summary>The assignment slug.</summary>
    public string Assignment { get; set; } = string.Empty;

    /// <summary>The student's GitHub login.</summary>
    public string Student { get; set; } = string.Empty;

    /// <summary>The student's deadline.</summary>
    public string Until { get; set; } = string.Empty;
}
