namespace GitGrader.GitHub.Rest.Json;

/// <summary>The <c>actor</c> of a repository activity (GitHub may send null for a deleted account).</summary>
internal sealed class RepositoryActivityActorJson
{
    public string? Login { get; set; }
}
