namespace GitGrader.Sandbox.Docker;

/// <summary>Docker Engine API wire shape (only the fields GitGrader uses).</summary>
internal sealed record ContainerCreateRequest
{
    public required string Image { get; init; }
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public required IReadOnlyList<string> Cmd { get; init; }
    public string? User { get; init; }
    public string? WorkingDir { get; init; }
    public IReadOnlyList<string>? Env { get; init; }
    public bool NetworkDisabled { get; init; }
    public bool AttachStdin { get; init; }
    public bool AttachStdout { get; init; }
    public bool AttachStderr { get; init; }
    public bool Tty { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
    public required HostConfig HostConfig { get; init; }
}
