namespace GitGrader.GitHub.Rest;

/// <summary>The authenticated App (<c>GET /app</c>).</summary>
public sealed record AppInfo(long Id, string Slug, string Name);
