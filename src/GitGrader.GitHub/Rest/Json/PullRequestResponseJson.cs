namespace GitGrader.GitHub.Rest.Json;

/// <summary>A pull request as GitHub returns it.</summary>
internal sealed class PullRequestResponseJson
{
    public int? Number { get; init; }

    public string? State { get; init; }

    public BranchResponseJson? Head { get; init; }

    public string? HtmlUrl { get; init; }
}
