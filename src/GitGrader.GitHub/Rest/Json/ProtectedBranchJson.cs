namespace GitGrader.GitHub.Rest.Json;

/// <summary>The answer to a branch protection PUT (<c>protected-branch</c>): only its <c>url</c> is read.</summary>
internal sealed class ProtectedBranchJson
{
    public string? Url { get; set; }
}
