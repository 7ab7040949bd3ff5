using System.Text.Json.Nodes;

namespace GitGrader.AppTests.StandInTests;

public sealed record ApiAnswer(int Status, JsonNode? Body, IReadOnlyDictionary<string, string> Headers)
{
    public override string ToString() => $"{Status} {Body?.ToJsonString()}";
}
