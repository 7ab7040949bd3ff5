namespace GitGrader.Sandbox.Docker;

/// <summary>Docker Engine API wire shape (only the fields GitGrader uses).</summary>
internal sealed record VolumeCreateRequest
{
    public required string Name { get; init; }
    public string Driver { get; init; } = "local";
    public required IReadOnlyDictionary<string, string> DriverOpts { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
