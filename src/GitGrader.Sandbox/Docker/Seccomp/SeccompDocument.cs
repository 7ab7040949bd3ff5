using System.Text.Json.Serialization;

namespace GitGrader.Sandbox.Docker.Seccomp;

/// <summary>A seccomp profile in the JSON form the Docker engine takes (<c>seccomp=&lt;json&gt;</c>).</summary>
internal sealed record SeccompDocument
{
    /// <summary>What a system call no rule names gets.</summary>
    [JsonPropertyName("defaultAction")]
    public required string DefaultAction { get; init; }

    /// <summary>For each native architecture, the further ones whose calls the filter must also cover (32-bit entry points).</summary>
    [JsonPropertyName("archMap")]
    public required IReadOnlyList<SeccompArchitecture> ArchitectureMap { get; init; }

    /// <summary>The rules, each a set of calls and what they get.</summary>
    [JsonPropertyName("syscalls")]
    public required IReadOnlyList<SeccompRule> Syscalls { get; init; }
}
