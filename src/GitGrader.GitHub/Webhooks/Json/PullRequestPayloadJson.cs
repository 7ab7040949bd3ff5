namespace GitGrader.GitHub.Webhooks.Json;

/// <summary>A <c>pull_request</c> body.</summary>
internal sealed class PullRequestPayloadJson : PayloadJson
{
    public int? Number { get; init; }

    public PullRequestJson? PullRequest { get; init; }
}
