namespace GitGrader.Sandbox.Docker;

/// <summary>Docker Engine API wire shape (only the fields GitGrader uses).</summary>
internal sealed record ContainerSummary
{
    public string Id { get; init; } = string.Empty;
    public Dictionary<string, string>? Labels { get; init; }
    public string State { get; init; } = string.Empty;
}
