using GitGrader.GitHub.Auth;
using GitGrader.GitHub.Rest.Json;

namespace GitGrader.GitHub.Rest;

/// <summary>Maps GitHub's answers to GitGrader's records, demanding the members GitGrader reads.</summary>
internal static class GitHubAnswers
{
    public static AppInfo App(AppResponseJson json)
    {
        var slug = Need(json.Slug, "slug", "GET /app");
        return new AppInfo(Need(json.Id, "id", "GET /app"), slug, json.Name ?? slug);
    }

    public static long InstallationId(InstallationResponseJson json) => Need(json.Id, "id", "GET /repos/{owner}/{repo}/installation");

    public static InstallationAccessToken AccessToken(AccessTokenResponseJson json)
    {
        const string What = "POST /app/installations/{id}/access_tokens";
        return new InstallationAccessToken(Need(json.Token, "token", What), Need(json.ExpiresAt, "expires_at", What));
    }

    public static CheckRun CheckRun(CheckRunResponseJson? json)
    {
        const string What = "a check run";
        var run = Need(json, "(the check run)", What);
        return new CheckRun(
            Need(run.Id, "id", What),
            Need(run.Name, "name", What),
            Need(run.HeadSha, "head_sha", What),
            run.ExternalId,
            Need(run.Status, "status", What),
            run.Conclusion,
            run.HtmlUrl);
    }

    public static PullRequestSummary PullRequest(PullRequestResponseJson? json)
    {
        const string What = "a pull request";
        var pull = Need(json, "(the pull request)", What);
        var head = Need(pull.Head, "head", What);
        return new PullRequestSummary(
            Need(pull.Number, "number", What),
            Need(pull.State, "state", What),
            Need(head.Sha, "head.sha", What),
            Need(head.Ref, "head.ref", What),
            pull.HtmlUrl);
    }

    public static Issue Issue(IssueResponseJson? json)
    {
        const string What = "an issue";
        var issue = Need(json, "(the issue)", What);
        return new Issue(Need(issue.Number, "number", What), issue.Title ?? string.Empty, issue.Body, Need(issue.State, "state", What), issue.HtmlUrl);
    }

    public static bool IsPullRequest(IssueResponseJson? json) => json?.PullRequest is { ValueKind: not System.Text.Json.JsonValueKind.Null };

    public static IssueComment Comment(IssueCommentResponseJson? json)
    {
        const string What = "an issue comment";
        var comment = Need(json, "(the comment)", What);
        return new IssueComment(Need(comment.Id, "id", What), comment.Body ?? string.Empty, comment.User?.Login, comment.HtmlUrl);
    }

    private static T Need<T>(T? value, string member, string what)
        where T : class
        => value ?? throw new GitHubApiException($"GitHub's answer for {what} lacks '{member}'.");

    private static T Need<T>(T? value, string member, string what)
        where T : struct
        => value ?? throw new GitHubApiException($"GitHub's answer for {what} lacks '{member}'.");
}
