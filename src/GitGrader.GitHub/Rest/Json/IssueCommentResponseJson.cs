namespace GitGrader.GitHub.Rest.Json;

/// <summary>An issue comment as GitHub returns it.</summary>
internal sealed class IssueCommentResponseJson
{
    public long? Id { get; init; }

    public string? Body { get; init; }

    public UserResponseJson? User { get; init; }

    public string? HtmlUrl { get; init; }
}
