namespace GitGrader.GitHub.Webhooks.Json;

/// <summary>A user or organization (<c>sender</c>, <c>owner</c>, <c>account</c>).</summary>
internal sealed class UserJson
{
    public string? Login { get; init; }
}
