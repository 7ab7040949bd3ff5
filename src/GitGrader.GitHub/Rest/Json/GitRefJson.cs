namespace GitGrader.GitHub.Rest.Json;

/// <summary>A git reference (<c>git-ref</c>) as GitHub sends it, read by Octokit's serializer.</summary>
internal sealed class GitRefJson
{
    public string? Ref { get; set; }

    public GitRefObjectJson? Object { get; set; }
}
