namespace GitGrader.GitHub.Webhooks.Json;

/// <summary>A check suite (<c>check_suite</c>, or <c>check_run.check_suite</c>).</summary>
internal sealed class CheckSuiteJson
{
    public string? HeadSha { get; init; }

    public string? HeadBranch { get; init; }

    public AppJson? App { get; init; }
}
