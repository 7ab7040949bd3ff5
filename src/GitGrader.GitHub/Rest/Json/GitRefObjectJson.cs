namespace GitGrader.GitHub.Rest.Json;

/// <summary>The object a git reference points at.</summary>
internal sealed class GitRefObjectJson
{
    public string? Sha { get; set; }

    public string? Type { get; set; }
}
