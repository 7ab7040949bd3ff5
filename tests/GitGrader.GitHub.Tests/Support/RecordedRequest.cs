namespace GitGrader.GitHub.Tests.Support;

/// <summary>A request <see cref="ScriptedGitHub"/> received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public System.Text.Json.JsonElement JsonBody => System.Text.Json.JsonDocument.Parse(Body).RootElement.Clone();
}
