namespace GitGrader.GitHub.Rest.Json;

/// <summary>A user or organisation as GitHub sends it (the members GitGrader reads), read by Octokit's serializer.</summary>
internal sealed class AccountJson
{
    public long? Id { get; set; }

    public string? Login { get; set; }

    public string? Type { get; set; }
}
