using System.Text.Json;

namespace GitGrader.GitHub.Rest.Json;

/// <summary>An issue as GitHub returns it; <see cref="PullRequest"/> is set when the issue is a pull request.</summary>
internal sealed class IssueResponseJson
{
    public int? Number { get; init; }

    public string? Title { get; init; }

    public string? Body { get; init; }

    public string? State { get; init; }

    public string? HtmlUrl { get; init; }

    public JsonElement? PullRequest { get; init; }
}
