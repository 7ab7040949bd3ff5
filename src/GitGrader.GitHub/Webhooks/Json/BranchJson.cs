namespace GitGrader.GitHub.Webhooks.Json;

/// <summary><c>pull_request.head</c>.</summary>
internal sealed class BranchJson
{
    public string? Sha { get; init; }

    public string? Ref { get; init; }
}
