using System.Text.Json.Serialization;

namespace GitGrader.Sandbox.Docker.Seccomp;

/// <summary>Source-generated JSON for <see cref="SeccompDocument"/>.</summary>
[JsonSerializable(typeof(SeccompDocument))]
internal sealed partial class SeccompJsonContext : JsonSerializerContext;
