namespace GitGrader.Sandbox.Docker;

/// <summary>Docker Engine API wire shape (only the fields GitGrader uses).</summary>
internal sealed record VersionResponse
{
    public string Version { get; init; } = string.Empty;
    public string ApiVersion { get; init; } = string.Empty;
}
