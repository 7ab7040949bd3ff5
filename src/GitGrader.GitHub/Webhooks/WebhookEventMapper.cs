using GitGrader.GitHub.Webhooks.Json;

namespace GitGrader.GitHub.Webhooks;

/// <summary>Maps each routed event's body to its public record, demanding what GitGrader needs.</summary>
internal static class WebhookEventMapper
{
    public static PushEvent Push(PushPayloadJson body, PayloadFields need) => new()
    {
        Repository = need.Repository(body.Repository),
        Ref = need.Text(body.Ref, "$.ref"),
        After = need.Text(body.After, "$.after"),
        Deleted = body.Deleted ?? false,
        InstallationId = body.Installation?.Id,
        SenderLogin = body.Sender?.Login,
    };

    public static PullRequestEvent PullRequest(PullRequestPayloadJson body, PayloadFields need)
    {
        var pullRequest = need.Object(body.PullRequest, "$.pull_request");
        var head = need.Object(pullRequest.Head, "$.pull_request.head");
        return new PullRequestEvent
        {
            Action = need.Text(body.Action, "$.action"),
            Repository = need.Repository(body.Repository),
            Number = need.Number(body.Number, "$.number"),
            HeadSha = need.Text(head.Sha, "$.pull_request.head.sha"),
            HeadRef = need.Text(head.Ref, "$.pull_request.head.ref"),
            InstallationId = body.Installation?.Id,
            SenderLogin = body.Sender?.Login,
        };
    }

    public static CheckRunEvent CheckRun(CheckRunPayloadJson body, PayloadFields need)
    {
        var run = need.Object(body.CheckRun, "$.check_run");
        return new CheckRunEvent
        {
            Action = need.Text(body.Action, "$.action"),
            Repository = need.Repository(body.Repository),
            CheckRunId = need.Number(run.Id, "$.check_run.id"),
            Name = need.Text(run.Name, "$.check_run.name"),
            HeadSha = need.Text(run.HeadSha, "$.check_run.head_sha"),
            ExternalId = run.ExternalId,
            AppId = run.App?.Id,
            HeadBranch = run.CheckSuite?.HeadBranch,
            InstallationId = body.Installation?.Id,
            SenderLogin = body.Sender?.Login,
        };
    }

    public static CheckSuiteEvent CheckSuite(CheckSuitePayloadJson body, PayloadFields need)
    {
        var suite = need.Object(body.CheckSuite, "$.check_suite");
        return new CheckSuiteEvent
        {
            Action = need.Text(body.Action, "$.action"),
            Repository = need.Repository(body.Repository),
            HeadSha = need.Text(suite.HeadSha, "$.check_suite.head_sha"),
            HeadBranch = suite.HeadBranch,
            AppId = suite.App?.Id,
            InstallationId = body.Installation?.Id,
            SenderLogin = body.Sender?.Login,
        };
    }

    public static InstallationEvent Installation(InstallationPayloadJson body, PayloadFields need) => new()
    {
        Action = need.Text(body.Action, "$.action"),
        AccountLogin = need.AccountLogin(body.Installation),
        Repositories = need.FullNames(body.Repositories, "$.repositories"),
        InstallationId = body.Installation?.Id,
        SenderLogin = body.Sender?.Login,
    };

    public static InstallationRepositoriesEvent InstallationRepositories(InstallationRepositoriesPayloadJson body, PayloadFields need) => new()
    {
        Action = need.Text(body.Action, "$.action"),
        AccountLogin = need.AccountLogin(body.Installation),
        Added = need.FullNames(body.RepositoriesAdded, "$.repositories_added"),
        Removed = need.FullNames(body.RepositoriesRemoved, "$.repositories_removed"),
        InstallationId = body.Installation?.Id,
        SenderLogin = body.Sender?.Login,
    };

    public static PingEvent Ping(PingPayloadJson body) => new()
    {
        Zen = body.Zen,
        HookId = body.HookId,
        InstallationId = body.Installation?.Id,
        SenderLogin = body.Sender?.Login,
    };
}
