namespace GitGrader.Classroom;

/// <summary>
/// One entry of <c>Classroom:FeedbackOverrides</c>: a student's own daily limit on hidden-test
/// feedback, e.g. an accommodation (<c>HiddenResultsPerDay: 6</c>) or an instructor's test
/// account (<c>Unlimited: true</c>).
/// </summary>
public sealed class FeedbackOverrideOptions
{
    /// <summary>The student's GitHub login (as in the repository name <c>{slug}-{login}</c>).</summary>
    public string Student { get; set; } = string.Empty;

    /// <summary>The assignment slug it applies to; empty for every assignment with a limit.</summary>
    public string? Assignment { get; set; }

    /// <summary>Results with hidden tests shown per day, in place of the assignment's number.</summary>
    public int? HiddenResultsPerDay { get; set; }

    /// <summary>No limit at all for this student.</summary>
    public bool Unlimited { get; set; }
}
