namespace GitGrader.Sandbox.Docker;

/// <summary>Docker Engine API wire shape (only the fields GitGrader uses).</summary>
internal sealed record VolumeSummary
{
    public string Name { get; init; } = string.Empty;
    public Dictionary<string, string>? Labels { get; init; }
}
