namespace GitGrader.GitHub.Rest.Json;

/// <summary>A pull request's <c>head</c> or <c>base</c>.</summary>
internal sealed class PullRequestBranchJson
{
    public string? Ref { get; set; }

    public string? Sha { get; set; }
}
