namespace GitGrader.GitHub.Webhooks.Json;

/// <summary><c>pull_request</c> of a <c>pull_request</c> body.</summary>
internal sealed class PullRequestJson
{
    public BranchJson? Head { get; init; }
}
