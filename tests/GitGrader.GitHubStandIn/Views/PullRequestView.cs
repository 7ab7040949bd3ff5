using GitGrader.GitHub;

namespace GitGrader.GitHubStandIn;

/// <summary>A pull request opened through <c>GitHubStandIn.OpenPullRequestAsync</c>.</summary>
/// <param name="Id">Pull request id (not the number).</param>
/// <param name="Repository">The repository (head and base are both in it).</param>
/// <param name="Number">Number (shared with issues).</param>
/// <param name="Title">Title.</param>
/// <param name="HeadRef">Head branch.</param>
/// <param name="HeadSha">Head commit; follows pushes to the head branch while open.</param>
/// <param name="BaseRef">Base branch.</param>
/// <param name="BaseSha">Base branch's commit when opened.</param>
/// <param name="State"><c>open</c> or <c>closed</c>.</param>
/// <param name="Merged">Closed by merging.</param>
/// <param name="AuthorLogin">Who opened it.</param>
/// <param name="CreatedAt">created_at.</param>
/// <param name="UpdatedAt">updated_at.</param>
/// <param name="ClosedAt">closed_at.</param>
public sealed record PullRequestView(
    long Id,
    RepositoryRef Repository,
    int Number,
    string Title,
    string HeadRef,
    string HeadSha,
    string BaseRef,
    string BaseSha,
    string State,
    bool Merged,
    string AuthorLogin,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt)
{
    /// <inheritdoc />
    public override string ToString() => $"pull request {Repository}#{Number} {HeadRef}@{HeadSha[..Math.Min(7, HeadSha.Length)]} → {BaseRef} {State}";
}
