using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitGrader.Core.Assignments;

/// <summary>GitHub Classroom's <c>autograding.json</c>, as written.</summary>
internal sealed record ClassroomAutograding
{
    /// <summary>The tests, in order.</summary>
    [JsonPropertyName("tests")]
    public IReadOnlyList<ClassroomTest?>? Tests { get; init; }

    /// <summary>Top-level keys Classroom did not read: ignored, with a warning.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
