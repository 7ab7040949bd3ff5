namespace GitGrader.GitHub.Rest;

/// <summary>An issue (the members GitGrader reads).</summary>
public sealed record Issue(int Number, string Title, string? Body, string State, string? HtmlUrl);
