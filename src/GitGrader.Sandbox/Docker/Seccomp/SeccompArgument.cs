using System.Text.Json.Serialization;

namespace GitGrader.Sandbox.Docker.Seccomp;

/// <summary>A test of one system call argument: <c>(arg[Index] &amp; Value) == ValueTwo</c> for <c>SCMP_CMP_MASKED_EQ</c>.</summary>
internal sealed record SeccompArgument(
    [property: JsonPropertyName("index")] uint Index,
    [property: JsonPropertyName("value")] ulong Value,
    [property: JsonPropertyName("valueTwo")] ulong ValueTwo,
    [property: JsonPropertyName("op")] string Op);
