using System.Text.Json.Serialization;

namespace GitGrader.Sandbox.Docker.Seccomp;

/// <summary>A native architecture and the others a process on it can make system calls through.</summary>
internal sealed record SeccompArchitecture(
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("subArchitectures")] IReadOnlyList<string> SubArchitectures);
