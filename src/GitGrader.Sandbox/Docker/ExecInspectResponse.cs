namespace GitGrader.Sandbox.Docker;

/// <summary>Docker Engine API wire shape (only the fields GitGrader uses).</summary>
internal sealed record ExecInspectResponse
{
    public bool Running { get; init; }
    public int? ExitCode { get; init; }
    public int Pid { get; init; }
}
