namespace GitGrader.Sandbox.Docker;

/// <summary>Docker Engine API wire shape (only the fields GitGrader uses).</summary>
internal sealed record ContainerState
{
    public bool Running { get; init; }
    public bool OOMKilled { get; init; }
    public int ExitCode { get; init; }
    public string Status { get; init; } = string.Empty;
}
