using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitGrader.Core.Assignments;

/// <summary>One test of GitHub Classroom's <c>autograding.json</c>, as written.</summary>
internal sealed record ClassroomTest
{
    /// <summary>The test's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Command run before <see cref="Run"/>; empty for none.</summary>
    [JsonPropertyName("setup")]
    public string? Setup { get; init; }

    /// <summary>The command.</summary>
    [JsonPropertyName("run")]
    public string? Run { get; init; }

    /// <summary>Standard input; empty for none.</summary>
    [JsonPropertyName("input")]
    public string? Input { get; init; }

    /// <summary>Expected output; empty means the exit status alone decides (when the input is empty too).</summary>
    [JsonPropertyName("output")]
    public string? Output { get; init; }

    /// <summary><c>included</c>, <c>exact</c> or <c>regex</c>.</summary>
    [JsonPropertyName("comparison")]
    public string? Comparison { get; init; }

    /// <summary>Time limit in minutes.</summary>
    [JsonPropertyName("timeout")]
    public double? Timeout { get; init; }

    /// <summary>Points; null or absent for none.</summary>
    [JsonPropertyName("points")]
    public double? Points { get; init; }

    /// <summary>Keys Classroom did not read (<c>description</c>, a misspelt key): ignored, as Classroom ignored them, with a warning.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
