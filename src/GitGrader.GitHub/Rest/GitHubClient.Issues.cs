using System.Text.Json;
using GitGrader.GitHub.Rest.Json;
using Octo = Octokit;

namespace GitGrader.GitHub.Rest;

/// <summary>
/// Issues, comments and pull requests: Octokit's typed <see cref="Octo.IssueCommentsClient"/> for comments; the
/// connection with GitGrader's own bodies for issues (Octokit's <c>IssueUpdate</c> sends <c>"milestone": null</c>, which
/// clears the milestone); lists through <c>ListAsync</c> (GitHubClient.Pages.cs), with Octokit's models (for pull requests of a commit,
/// <see cref="Octo.CommitPullRequest"/> of its <c>RepositoryCommitsClient.PullRequests</c>, which pages with <c>GetAll</c>).
/// </summary>
internal sealed partial class GitHubClient
{
    /// <inheritdoc />
    public Task<IReadOnlyList<PullRequestSummary>> ListPullRequestsForCommitAsync(long installationId, RepositoryRef repository, string sha, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha);
        return ListAsync<List<Octo.CommitPullRequest>, PullRequestSummary>(
            installationId,
            $"{Repo(repository)}/commits/{Escape(sha)}/pulls",
            new Dictionary<string, string> { ["per_page"] = PageSize },
            (page, what) => GitHubAnswers.Items(page, what).Select(pull => GitHubAnswers.PullRequest(pull, what)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(long installationId, RepositoryRef repository, int issueNumber, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(issueNumber);
        return ListAsync<List<Octo.IssueComment>, IssueComment>(
            installationId,
            $"{Repo(repository)}/issues/{issueNumber}/comments",
            new Dictionary<string, string> { ["per_page"] = PageSize },
            (page, what) => GitHubAnswers.Items(page, what).Select(comment => GitHubAnswers.Comment(comment, what)),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IssueComment> CreateIssueCommentAsync(long installationId, RepositoryRef repository, int issueNumber, string body, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(issueNumber);
        var text = TruncatedBody(body);
        var what = Describe(HttpMethod.Post, $"{Repo(repository)}/issues/{issueNumber}/comments");
        var comment = await AsInstallationAsync(installationId, what, connection => Comments(connection).Create(repository.Owner, repository.Name, issueNumber, text), cancellationToken).ConfigureAwait(false);
        return GitHubAnswers.Comment(comment, what);
    }

    /// <inheritdoc />
    public async Task UpdateIssueCommentAsync(long installationId, RepositoryRef repository, long commentId, string body, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(commentId);
        var text = TruncatedBody(body);
        var what = Describe(HttpMethod.Patch, $"{Repo(repository)}/issues/comments/{commentId}");
        await AsInstallationAsync(installationId, what, connection => Comments(connection).Update(repository.Owner, repository.Name, commentId, text), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Issue>> ListIssuesAsync(long installationId, RepositoryRef repository, string? creator, CancellationToken cancellationToken)
    {
        var query = new Dictionary<string, string> { ["state"] = "all" };
        if (!string.IsNullOrEmpty(creator))
        {
            query["creator"] = creator;
        }

        query["per_page"] = PageSize;
        return ListAsync<List<Octo.Issue>, Issue>(
            installationId,
            $"{Repo(repository)}/issues",
            query,
            (page, what) => GitHubAnswers.Items(page, what).Where(issue => !GitHubAnswers.IsPullRequest(issue)).Select(issue => GitHubAnswers.Issue(issue, what)),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Issue> CreateIssueAsync(long installationId, RepositoryRef repository, string title, string body, CancellationToken cancellationToken)
    {
        var json = IssueJson(title, body);
        var path = $"{Repo(repository)}/issues";
        var what = Describe(HttpMethod.Post, path);
        var issue = await AsInstallationAsync(installationId, what, connection => connection.Post<Octo.Issue>(Relative(path), json, Accept, JsonContentType, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return GitHubAnswers.Issue(issue.Body, what);
    }

    /// <inheritdoc />
    public async Task UpdateIssueAsync(long installationId, RepositoryRef repository, int issueNumber, string title, string body, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(issueNumber);
        var json = IssueJson(title, body);
        var path = $"{Repo(repository)}/issues/{issueNumber}";
        var what = Describe(HttpMethod.Patch, path);
        await AsInstallationAsync(installationId, what, connection => connection.Patch<Octo.Issue>(Relative(path), json, Accept), cancellationToken).ConfigureAwait(false);
    }

    private static Octo.IssueCommentsClient Comments(Octo.IConnection connection) => new(new Octo.ApiConnection(connection));

    private static string TruncatedBody(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TextLimits.TruncateMarkdown(body, TextLimits.MaxIssueBody);
    }

    /// <summary>Title and body as JSON text, which Octokit sends as it is.</summary>
    private static string IssueJson(string title, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        return JsonSerializer.Serialize(new IssueRequestJson { Title = title, Body = TruncatedBody(body) }, GitHubJsonContext.Default.IssueRequestJson);
    }
}
