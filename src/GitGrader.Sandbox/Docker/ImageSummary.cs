namespace GitGrader.Sandbox.Docker;

/// <summary>Docker Engine API wire shape (only the fields GitGrader uses).</summary>
internal sealed record ImageSummary
{
    public string Id { get; init; } = string.Empty;

    public List<string>? RepoTags { get; init; }
}
