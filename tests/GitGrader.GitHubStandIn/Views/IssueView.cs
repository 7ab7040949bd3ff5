using GitGrader.GitHub;

namespace GitGrader.GitHubStandIn;

/// <summary>An issue (not a pull request).</summary>
/// <param name="Id">Issue id (not the number).</param>
/// <param name="Repository">The repository.</param>
/// <param name="Number">Issue number (shared with pull requests, as on GitHub).</param>
/// <param name="Title">Title.</param>
/// <param name="Body">Body.</param>
/// <param name="State"><c>open</c> or <c>closed</c>.</param>
/// <param name="StateReason">state_reason.</param>
/// <param name="AuthorLogin">Who opened it (<c>{slug}[bot]</c> for the App).</param>
/// <param name="History">The issue after creation and after each edit.</param>
/// <param name="CreatedAt">created_at.</param>
/// <param name="UpdatedAt">updated_at.</param>
/// <param name="ClosedAt">closed_at.</param>
public sealed record IssueView(
    long Id,
    RepositoryRef Repository,
    int Number,
    string Title,
    string? Body,
    string State,
    string? StateReason,
    string AuthorLogin,
    IReadOnlyList<IssueRevision> History,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>How many times it was edited after creation.</summary>
    public int EditCount => History.Count - 1;

    /// <inheritdoc />
    public override string ToString() => $"issue {Repository}#{Number} '{Title}' {State} by {AuthorLogin} ({EditCount} edits)";
}
