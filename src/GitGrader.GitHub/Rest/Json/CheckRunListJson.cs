namespace GitGrader.GitHub.Rest.Json;

/// <summary>One page of <c>GET /repos/{owner}/{repo}/commits/{ref}/check-runs</c>.</summary>
internal sealed class CheckRunListJson
{
    public List<CheckRunResponseJson?>? CheckRuns { get; init; }
}
