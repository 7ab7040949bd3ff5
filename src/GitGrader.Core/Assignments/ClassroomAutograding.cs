using System.Text.Json.Serialization;

namespace GitGrader.Core.Assignments;

/// <summary>GitHub Classroom's <c>autograding.json</c>, as written.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ClassroomAutograding
{
    /// <summary>The tests, in order.</summary>
    [JsonPropertyName("tests")]
    public IReadOnlyList<ClassroomTest?>? Tests { get; init; }
}
