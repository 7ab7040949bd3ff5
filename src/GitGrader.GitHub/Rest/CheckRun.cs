namespace GitGrader.GitHub.Rest;

/// <summary>A check run as GitHub returns it (the members GitGrader reads).</summary>
public sealed record CheckRun(long Id, string Name, string HeadSha, string? ExternalId, string Status, string? Conclusion, string? HtmlUrl);
