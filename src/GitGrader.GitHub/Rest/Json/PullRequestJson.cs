namespace GitGrader.GitHub.Rest.Json;

/// <summary>A pull request as GitHub sends it (the members GitGrader reads), read by Octokit's serializer.</summary>
internal sealed class PullRequestJson
{
    public int? Number { get; set; }

    public string? State { get; set; }

    public string? HtmlUrl { get; set; }

    public PullRequestBranchJson? Head { get; set; }

    public PullRequestBranchJson? Base { get; set; }
}
