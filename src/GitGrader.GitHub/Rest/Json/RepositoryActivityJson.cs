namespace GitGrader.GitHub.Rest.Json;

/// <summary>
/// An item of <c>GET /repos/{o}/{r}/activity</c> as GitHub sends it, read by Octokit's serializer (snake_case onto these
/// names); Octokit has no model for it. Every member may be missing: <see cref="GitHubClient"/> demands the ones it reads.
/// </summary>
internal sealed class RepositoryActivityJson
{
    public long? Id { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? Ref { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string? ActivityType { get; set; }

    public RepositoryActivityActorJson? Actor { get; set; }
}
