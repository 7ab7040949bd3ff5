namespace GitGrader.Core.Grading.Gradescope;

/// <summary>The assignment part of <c>submission_metadata.json</c>.</summary>
internal sealed record GradescopeMetadataAssignment
{
    public required string Title { get; init; }

    public DateTimeOffset? DueDate { get; init; }

    public double? TotalPoints { get; init; }
}
