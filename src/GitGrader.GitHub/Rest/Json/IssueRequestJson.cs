namespace GitGrader.GitHub.Rest.Json;

/// <summary>
/// The body of an issue POST or PATCH: title and body only. Octokit's <c>IssueUpdate</c> always sends
/// <c>"milestone": null</c>, which clears the issue's milestone on GitHub, and its <c>NewIssue</c> sends empty
/// <c>labels</c> and <c>assignees</c>.
/// </summary>
internal sealed class IssueRequestJson
{
    public required string Title { get; init; }

    public required string Body { get; init; }
}
