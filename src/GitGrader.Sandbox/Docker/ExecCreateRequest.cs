namespace GitGrader.Sandbox.Docker;

/// <summary>Docker Engine API wire shape (only the fields GitGrader uses).</summary>
internal sealed record ExecCreateRequest
{
    public required IReadOnlyList<string> Cmd { get; init; }
    public bool AttachStdin { get; init; }
    public bool AttachStdout { get; init; } = true;
    public bool AttachStderr { get; init; } = true;
    public bool Tty { get; init; }
    public string? User { get; init; }
    public string? WorkingDir { get; init; }
    public IReadOnlyList<string>? Env { get; init; }
}
