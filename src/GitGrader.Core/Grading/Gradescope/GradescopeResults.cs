namespace GitGrader.Core.Grading.Gradescope;

/// <summary>Gradescope's <c>results.json</c>, the fields GitGrader maps (others are allowed and ignored).</summary>
internal sealed record GradescopeResults
{
    public double? Score { get; init; }

    public string? Output { get; init; }

    public string? Visibility { get; init; }

    public string? StdoutVisibility { get; init; }

    public List<GradescopeTest>? Tests { get; init; }
}
