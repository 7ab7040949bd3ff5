namespace GitGrader.GitHub.Rest.Json;

/// <summary>A pull request's <c>head</c>.</summary>
internal sealed class BranchResponseJson
{
    public string? Sha { get; init; }

    public string? Ref { get; init; }
}
