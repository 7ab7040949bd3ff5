namespace GitGrader.GitHub.Webhooks.Json;

/// <summary>The App that owns a check run or suite.</summary>
internal sealed class AppJson
{
    public long? Id { get; init; }
}
