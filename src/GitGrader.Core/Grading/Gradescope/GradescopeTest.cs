namespace GitGrader.Core.Grading.Gradescope;

/// <summary>One entry of <c>tests[]</c> in Gradescope's <c>results.json</c>.</summary>
internal sealed record GradescopeTest
{
    public double? Score { get; init; }

    public double? MaxScore { get; init; }

    public string? Status { get; init; }

    public string? Name { get; init; }

    /// <summary>Gradescope writes it as a string ("1.1") or, from some libraries, as a number.</summary>
    public System.Text.Json.JsonElement? Number { get; init; }

    public string? Output { get; init; }

    public string? Visibility { get; init; }
}
