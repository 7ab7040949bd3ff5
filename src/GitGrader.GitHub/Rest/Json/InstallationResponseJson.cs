namespace GitGrader.GitHub.Rest.Json;

/// <summary><c>GET /repos/{owner}/{repo}/installation</c>.</summary>
internal sealed class InstallationResponseJson
{
    public long? Id { get; init; }
}
