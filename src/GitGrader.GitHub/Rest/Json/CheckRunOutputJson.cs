namespace GitGrader.GitHub.Rest.Json;

/// <summary>A check run's <c>output</c> as sent.</summary>
internal sealed class CheckRunOutputJson
{
    public required string Title { get; init; }

    public required string Summary { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<AnnotationJson>? Annotations { get; init; }
}
