namespace GitGrader.GitHub.Rest;

/// <summary>A check run's output: title, Markdown summary (≤ 65,535 characters) and annotations (any number: the client sends 50 per request).</summary>
public sealed record CheckRunOutput
{
    /// <summary>Title, e.g. <c>7/10 points</c>.</summary>
    public required string Title { get; init; }

    /// <summary>Markdown summary.</summary>
    public required string Summary { get; init; }

    /// <summary>Optional Markdown details.</summary>
    public string? Text { get; init; }

    /// <summary>Annotations; more than 50 are sent in further updates of the same run.</summary>
    public IReadOnlyList<CheckRunAnnotation> Annotations { get; init; } = [];
}
