namespace GitGrader.Core.Grading.Gradescope;

/// <summary>The part of Gradescope's <c>submission_metadata.json</c> GitGrader can fill in.</summary>
internal sealed record GradescopeMetadata
{
    public required string Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required GradescopeMetadataAssignment Assignment { get; init; }

    public IReadOnlyList<string> Users { get; init; } = [];

    public IReadOnlyList<string> PreviousSubmissions { get; init; } = [];
}
