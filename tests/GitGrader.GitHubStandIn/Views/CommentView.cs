using GitGrader.GitHub;

namespace GitGrader.GitHubStandIn;

/// <summary>A comment on an issue or pull request.</summary>
/// <param name="Id">Comment id.</param>
/// <param name="Repository">The repository.</param>
/// <param name="IssueNumber">The issue or pull request number.</param>
/// <param name="Body">Current body.</param>
/// <param name="AuthorLogin">Who wrote it.</param>
/// <param name="History">Every body it had, first the original.</param>
/// <param name="CreatedAt">created_at.</param>
/// <param name="UpdatedAt">updated_at.</param>
public sealed record CommentView(
    long Id,
    RepositoryRef Repository,
    int IssueNumber,
    string Body,
    string AuthorLogin,
    IReadOnlyList<string> History,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>How many times it was edited.</summary>
    public int EditCount => History.Count - 1;

    /// <inheritdoc />
    public override string ToString() =>
        $"comment {Id} on {Repository}#{IssueNumber} by {AuthorLogin} ({EditCount} edits): {(Body.Length > 80 ? Body[..80] + "…" : Body)}";
}
