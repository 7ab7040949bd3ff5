using System.Text.Json.Serialization;

namespace GitGrader.Sandbox.Docker.Seccomp;

/// <summary>System calls that get <see cref="Action"/> (with <see cref="ErrnoRet"/>), when every one of <see cref="Args"/> holds.</summary>
internal sealed record SeccompRule
{
    [JsonPropertyName("names")]
    public required IReadOnlyList<string> Names { get; init; }

    [JsonPropertyName("action")]
    public required string Action { get; init; }

    [JsonPropertyName("errnoRet")]
    public required uint ErrnoRet { get; init; }

    [JsonPropertyName("args")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SeccompArgument>? Args { get; init; }

    [JsonPropertyName("comment")]
    public required string Comment { get; init; }
}
