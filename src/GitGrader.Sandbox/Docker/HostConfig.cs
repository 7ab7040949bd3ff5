namespace GitGrader.Sandbox.Docker;

/// <summary>Docker Engine API wire shape (only the fields GitGrader uses).</summary>
internal sealed record HostConfig
{
    public string NetworkMode { get; init; } = "none";
    public long Memory { get; init; }
    public long MemorySwap { get; init; }
    public long NanoCpus { get; init; }
    public long PidsLimit { get; init; }
    public bool ReadonlyRootfs { get; init; }
    public bool Init { get; init; }
    public bool Privileged { get; init; }
    public IReadOnlyList<string>? CapDrop { get; init; }
    public IReadOnlyList<string>? SecurityOpt { get; init; }
    public IReadOnlyDictionary<string, string>? Tmpfs { get; init; }
    public IReadOnlyList<Ulimit>? Ulimits { get; init; }
    public IReadOnlyList<Mount>? Mounts { get; init; }
    public string? IpcMode { get; init; }
    public bool AutoRemove { get; init; }
    public bool OomKillDisable { get; init; }
}
