using Octokit.Webhooks.Events;

namespace GitGrader.GitHub.Webhooks;

/// <summary>Maps each routed event, as Octokit.Webhooks models it, to GitGrader's record of it, demanding what GitGrader needs.</summary>
internal static class WebhookMapper
{
    public static PushWebhook Push(PushEvent body, PayloadFields need) => new()
    {
        Repository = need.Repository(body.Repository),
        Ref = need.Text(body.Ref, "$.ref"),
        After = need.Text(body.After, "$.after"),
        Deleted = body.Deleted,
        InstallationId = PayloadFields.OptionalId(body.Installation?.Id),
        SenderLogin = body.Sender?.Login,
    };

    public static PullRequestWebhook PullRequest(PullRequestEvent body, PayloadFields need)
    {
        var pullRequest = need.Object(body.PullRequest, "$.pull_request");
        var head = need.Object(pullRequest.Head, "$.pull_request.head");
        return new PullRequestWebhook
        {
            Action = need.Text(body.Action, "$.action"),
            Repository = need.Repository(body.Repository),
            Number = need.Number(body.Number, "$.number"),
            HeadSha = need.Text(head.Sha, "$.pull_request.head.sha"),
            HeadRef = need.Text(head.Ref, "$.pull_request.head.ref"),
            InstallationId = PayloadFields.OptionalId(body.Installation?.Id),
            SenderLogin = body.Sender?.Login,
        };
    }

    public static CheckRunWebhook CheckRun(CheckRunEvent body, PayloadFields need)
    {
        var run = need.Object(body.CheckRun, "$.check_run");
        return new CheckRunWebhook
        {
            Action = need.Text(body.Action, "$.action"),
            Repository = need.Repository(body.Repository),
            CheckRunId = need.Id(run.Id, "$.check_run.id"),
            Name = need.Text(run.Name, "$.check_run.name"),
            HeadSha = need.Text(run.HeadSha, "$.check_run.head_sha"),
            ExternalId = run.ExternalId,
            AppId = PayloadFields.OptionalId(run.App?.Id),
            HeadBranch = run.CheckSuite?.HeadBranch,
            InstallationId = PayloadFields.OptionalId(body.Installation?.Id),
            SenderLogin = body.Sender?.Login,
        };
    }

    public static CheckSuiteWebhook CheckSuite(CheckSuiteEvent body, PayloadFields need)
    {
        var suite = need.Object(body.CheckSuite, "$.check_suite");
        return new CheckSuiteWebhook
        {
            Action = need.Text(body.Action, "$.action"),
            Repository = need.Repository(body.Repository),
            HeadSha = need.Text(suite.HeadSha, "$.check_suite.head_sha"),
            HeadBranch = suite.HeadBranch,
            AppId = PayloadFields.OptionalId(suite.App?.Id),
            InstallationId = PayloadFields.OptionalId(body.Installation?.Id),
            SenderLogin = body.Sender?.Login,
        };
    }

    public static InstallationWebhook Installation(InstallationEvent body, PayloadFields need) => new()
    {
        Action = need.Text(body.Action, "$.action"),
        AccountLogin = need.AccountLogin(body.Installation),
        Repositories = need.FullNames(body.Repositories, r => r.FullName, "$.repositories"),
        InstallationId = body.Installation.Id,
        SenderLogin = body.Sender?.Login,
    };

    public static InstallationRepositoriesWebhook InstallationRepositories(InstallationRepositoriesEvent body, PayloadFields need) => new()
    {
        Action = need.Text(body.Action, "$.action"),
        AccountLogin = need.AccountLogin(body.Installation),
        Added = need.FullNames(body.RepositoriesAdded, r => r.FullName, "$.repositories_added"),
        Removed = need.FullNames(body.RepositoriesRemoved, r => r.FullName, "$.repositories_removed"),
        InstallationId = body.Installation.Id,
        SenderLogin = body.Sender?.Login,
    };

    public static PingWebhook Ping(PingEvent body) => new()
    {
        Zen = body.Zen,
        HookId = PayloadFields.OptionalId(body.HookId),
        InstallationId = PayloadFields.OptionalId(body.Installation?.Id),
        SenderLogin = body.Sender?.Login,
    };
}
