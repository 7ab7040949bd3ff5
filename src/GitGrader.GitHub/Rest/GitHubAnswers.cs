using GitGrader.GitHub.Auth;
using Octo = Octokit;

namespace GitGrader.GitHub.Rest;

/// <summary>
/// Maps Octokit's models of GitHub's answers to GitGrader's records, demanding the members GitGrader reads (Octokit
/// leaves a missing member null, 0 or <c>default</c>, and answers null for a body that is not JSON).
/// </summary>
internal static class GitHubAnswers
{
    public static AppInfo App(Octo.GitHubApp? json, string what)
    {
        var app = Need(json, "(a JSON object)", what);
        var slug = Need(app.Slug, "slug", what);
        return new AppInfo(NeedId(app.Id, "id", what), slug, app.Name ?? slug);
    }

    public static long InstallationId(Octo.Installation? json, string what) => NeedId(Need(json, "(a JSON object)", what).Id, "id", what);

    public static InstallationAccessToken AccessToken(Octo.AccessToken? json, string what)
    {
        var token = Need(json, "(a JSON object)", what);
        var expiresAt = token.ExpiresAt == default ? throw Lacks("expires_at", what) : token.ExpiresAt;
        return new InstallationAccessToken(Need(token.Token, "token", what), expiresAt);
    }

    public static CheckRun CheckRun(Octo.CheckRun? json, string what)
    {
        var run = Need(json, "(the check run)", what);
        return new CheckRun(
            NeedId(run.Id, "id", what),
            Need(run.Name, "name", what),
            Need(run.HeadSha, "head_sha", what),
            run.ExternalId,
            Need(run.Status.StringValue, "status", what),
            run.Conclusion?.StringValue,
            run.HtmlUrl);
    }

    public static IEnumerable<CheckRun> CheckRuns(Octo.CheckRunsResponse? json, string what)
        => (Need(json, "(a JSON object)", what).CheckRuns ?? []).Select(run => CheckRun(run, what));

    public static PullRequestSummary PullRequest(Octo.CommitPullRequest? json, string what)
    {
        var pull = Need(json, "(the pull request)", what);
        var head = Need(pull.Head, "head", what);
        return new PullRequestSummary(
            NeedId(pull.Number, "number", what),
            Need(pull.State.StringValue, "state", what),
            Need(head.Sha, "head.sha", what),
            Need(head.Ref, "head.ref", what),
            pull.HtmlUrl);
    }

    public static Issue Issue(Octo.Issue? json, string what)
    {
        var issue = Need(json, "(the issue)", what);
        return new Issue(NeedId(issue.Number, "number", what), issue.Title ?? string.Empty, issue.Body, Need(issue.State.StringValue, "state", what), issue.HtmlUrl);
    }

    /// <summary>GitHub lists pull requests among a repository's issues, marked by <c>pull_request</c>.</summary>
    public static bool IsPullRequest(Octo.Issue? json) => json?.PullRequest is not null;

    public static IssueComment Comment(Octo.IssueComment? json, string what)
    {
        var comment = Need(json, "(the comment)", what);
        return new IssueComment(NeedId(comment.Id, "id", what), comment.Body ?? string.Empty, comment.User?.Login, comment.HtmlUrl);
    }

    /// <summary>The page's items, or a clear error when the answer was not a JSON array.</summary>
    public static IReadOnlyList<T> Items<T>(List<T>? page, string what) => Need(page, "(a JSON array)", what);

    private static T Need<T>(T? value, string member, string what)
        where T : class
        => value ?? throw Lacks(member, what);

    private static T NeedId<T>(T value, string member, string what)
        where T : struct, IEquatable<T>
        => value.Equals(default) ? throw Lacks(member, what) : value;

    private static GitHubApiException Lacks(string member, string what) => new($"GitHub's answer to {what} lacks '{member}'.");
}
