namespace GitGrader.GitHub.Rest.Json;

/// <summary>One item of <c>output.annotations</c>.</summary>
internal sealed class AnnotationJson
{
    public required string Path { get; init; }

    public required int StartLine { get; init; }

    public required int EndLine { get; init; }

    public required string AnnotationLevel { get; init; }

    public required string Message { get; init; }

    public string? Title { get; init; }
}
