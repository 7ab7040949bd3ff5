namespace GitGrader.Sandbox.Engine;

/// <summary>A container to create: what it runs and every limit it runs under.</summary>
internal sealed record ContainerSpec
{
    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>Image to run.</summary>
    public required string Image { get; init; }

    /// <summary>Entry point, replacing the image's.</summary>
    public required IReadOnlyList<string> Entrypoint { get; init; }

    /// <summary>Arguments of the entry point.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>User (<c>uid:gid</c>) of the main process.</summary>
    public required string User { get; init; }

    /// <summary>Working directory of the main process.</summary>
    public string WorkingDirectory { get; init; } = "/";

    /// <summary>Variables (<c>NAME=value</c>) added to the image's own.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary>Labels to put on it.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>No network at all (only a loopback interface).</summary>
    public bool NetworkDisabled { get; init; }

    /// <summary>Memory cap in bytes; swap is capped to the same total (no swap beyond it).</summary>
    public long MemoryBytes { get; init; }

    /// <summary>CPU quota in billionths of a CPU.</summary>
    public long NanoCpus { get; init; }

    /// <summary>Most processes and threads at once.</summary>
    public long PidsLimit { get; init; }

    /// <summary>Root file system mounted read-only.</summary>
    public bool ReadOnlyRootFilesystem { get; init; }

    /// <summary>
    /// Paths the engine mounts read-only inside the container, in place of its default list (empty: the
    /// engine's default, <c>/proc/bus</c>, <c>/proc/sys</c> and the like).
    /// </summary>
    public IReadOnlyList<string> ReadOnlyPaths { get; init; } = [];

    /// <summary>An init process as PID 1, reaping orphans.</summary>
    public bool Init { get; init; }

    /// <summary>Capabilities dropped (<c>ALL</c> for every one).</summary>
    public IReadOnlyList<string> CapDrop { get; init; } = [];

    /// <summary>Capabilities added back after <see cref="CapDrop"/>.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary>Security options (e.g. <c>no-new-privileges</c>).</summary>
    public IReadOnlyList<string> SecurityOptions { get; init; } = [];

    /// <summary>IPC namespace mode (<c>private</c>: its own, not shareable; empty: the engine's default).</summary>
    public string IpcMode { get; init; } = string.Empty;

    /// <summary>tmpfs mounts: path to mount options. Nothing can be uploaded into them.</summary>
    public IReadOnlyDictionary<string, string> Tmpfs { get; init; } = new Dictionary<string, string>();

    /// <summary>Resource limits of every process.</summary>
    public IReadOnlyList<ContainerUlimit> Ulimits { get; init; } = [];

    /// <summary>OCI runtime the engine runs it with (e.g. <c>runsc</c>); empty: the engine's default (runc).</summary>
    public string Runtime { get; init; } = string.Empty;

    /// <summary>Named volumes mounted into it.</summary>
    public IReadOnlyList<VolumeMount> Volumes { get; init; } = [];
}
