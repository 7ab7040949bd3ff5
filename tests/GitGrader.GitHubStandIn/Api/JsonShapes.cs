using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.Auth;
using GitGrader.GitHubStandIn.State;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>GitHub's JSON objects (users, the App, installations, repositories, check runs, issues, comments, pull requests) for this stand-in's URLs.</summary>
internal sealed partial class JsonShapes(Uri baseUrl, Uri apiBaseUrl, AppIdentity app, AccessRegistry access, IReadOnlyDictionary<string, string> permissions)
{
    private static readonly (string Key, string Suffix)[] RepositoryUrls =
    [
        ("archive_url", "/{archive_format}{/ref}"), ("assignees_url", "/assignees{/user}"), ("blobs_url", "/git/blobs{/sha}"),
        ("branches_url", "/branches{/branch}"), ("collaborators_url", "/collaborators{/collaborator}"), ("comments_url", "/comments{/number}"),
        ("commits_url", "/commits{/sha}"), ("compare_url", "/compare/{base}...{head}"), ("contents_url", "/contents/{+path}"),
        ("contributors_url", "/contributors"), ("deployments_url", "/deployments"), ("downloads_url", "/downloads"), ("events_url", "/events"),
        ("forks_url", "/forks"), ("git_commits_url", "/git/commits{/sha}"), ("git_refs_url", "/git/refs{/sha}"), ("git_tags_url", "/git/tags{/sha}"),
        ("hooks_url", "/hooks"), ("issue_comment_url", "/issues/comments{/number}"), ("issue_events_url", "/issues/events{/number}"),
        ("issues_url", "/issues{/number}"), ("keys_url", "/keys{/key_id}"), ("labels_url", "/labels{/name}"), ("languages_url", "/languages"),
        ("merges_url", "/merges"), ("milestones_url", "/milestones{/number}"), ("notifications_url", "/notifications{?since,all,participating}"),
        ("pulls_url", "/pulls{/number}"), ("releases_url", "/releases{/id}"), ("stargazers_url", "/stargazers"), ("statuses_url", "/statuses/{sha}"),
        ("subscribers_url", "/subscribers"), ("subscription_url", "/subscription"), ("tags_url", "/tags"), ("teams_url", "/teams"),
        ("trees_url", "/git/trees{/sha}"),
    ];

    /// <summary>Web URLs (<c>http://127.0.0.1:PORT/</c>).</summary>
    public Uri BaseUrl { get; } = baseUrl;

    /// <summary>API URLs (<c>…/api/v3/</c>).</summary>
    public Uri ApiBaseUrl { get; } = apiBaseUrl;

    /// <summary>GitHub's timestamp format.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Nullable timestamp.</summary>
    public static JsonNode? Time(DateTimeOffset? time) => time is { } t ? JsonValue.Create(Time(t)) : null;

    /// <summary>A global node id.</summary>
    public static string NodeId(string type, long id) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"0{type.Length}:{type}{id}"));

    /// <summary>An API URL.</summary>
    public string Api(string relative) => ApiBaseUrl + relative;

    /// <summary>A web URL.</summary>
    public string Web(string relative) => BaseUrl + relative;

    /// <summary>A simple user (<c>simple-user</c>).</summary>
    public JsonObject User(string login, string type = "User")
    {
        var id = access.UserId(login);
        var users = Api("users/" + Uri.EscapeDataString(login));
        return new JsonObject
        {
            ["login"] = login,
            ["id"] = id,
            ["node_id"] = NodeId(type, id),
            ["avatar_url"] = Web($"avatars/u/{id}?v=4"),
            ["gravatar_id"] = string.Empty,
            ["url"] = users,
            ["html_url"] = type == "Bot" ? Web("apps/" + app.Slug) : Web(Uri.EscapeDataString(login)),
            ["followers_url"] = users + "/followers",
            ["following_url"] = users + "/following{/other_user}",
            ["gists_url"] = users + "/gists{/gist_id}",
            ["starred_url"] = users + "/starred{/owner}{/repo}",
            ["subscriptions_url"] = users + "/subscriptions",
            ["organizations_url"] = users + "/orgs",
            ["repos_url"] = users + "/repos",
            ["events_url"] = users + "/events{/privacy}",
            ["received_events_url"] = users + "/received_events",
            ["type"] = type,
            ["user_view_type"] = "public",
            ["site_admin"] = false,
        };
    }

    /// <summary>The user behind a login: the App's bot, or a person.</summary>
    public JsonObject Actor(string login) => User(login, login == app.BotLogin ? "Bot" : "User");

    /// <summary>The App (<c>integration</c>).</summary>
    public JsonObject App(DateTimeOffset createdAt) => new()
    {
        ["id"] = app.AppId,
        ["slug"] = app.Slug,
        ["client_id"] = app.ClientId,
        ["node_id"] = NodeId("Integration", app.AppId),
        ["owner"] = User("gitgrader", "Organization"),
        ["name"] = app.Name,
        ["description"] = "GitGrader's App on the GitHub stand-in",
        ["external_url"] = Web("gitgrader"),
        ["html_url"] = Web("apps/" + app.Slug),
        ["created_at"] = Time(createdAt),
        ["updated_at"] = Time(createdAt),
        ["permissions"] = Permissions(),
        ["events"] = new JsonArray("check_run", "check_suite", "pull_request", "push"),
        ["installations_count"] = 1,
    };

    /// <summary>An installation.</summary>
    public JsonObject Installation(InstallationRecord installation) => new()
    {
        ["id"] = installation.Id,
        ["account"] = User(installation.AccountLogin, "Organization"),
        ["repository_selection"] = "selected",
        ["access_tokens_url"] = Api($"app/installations/{installation.Id}/access_tokens"),
        ["repositories_url"] = Api("installation/repositories"),
        ["html_url"] = Web($"organizations/{installation.AccountLogin}/settings/installations/{installation.Id}"),
        ["app_id"] = app.AppId,
        ["client_id"] = app.ClientId,
        ["app_slug"] = app.Slug,
        ["target_id"] = installation.AccountId,
        ["target_type"] = "Organization",
        ["permissions"] = Permissions(),
        ["events"] = new JsonArray("check_run", "check_suite", "pull_request", "push"),
        ["created_at"] = Time(installation.CreatedAt),
        ["updated_at"] = Time(installation.CreatedAt),
        ["single_file_name"] = null,
        ["has_multiple_single_files"] = false,
        ["single_file_paths"] = new JsonArray(),
        ["suspended_by"] = null,
        ["suspended_at"] = null,
    };

    /// <summary>The App's permissions.</summary>
    public JsonObject Permissions() => new([.. permissions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, p.Value))]);

    /// <summary>A repository (<c>repository</c>, every required member).</summary>
    public JsonObject Repository(RepoRecord repository, DateTimeOffset now)
    {
        var api = Api("repos/" + repository.FullName);
        var repo = new JsonObject
        {
            ["id"] = repository.Id,
            ["node_id"] = NodeId("Repository", repository.Id),
            ["name"] = repository.Name,
            ["full_name"] = repository.FullName,
            ["private"] = true,
            ["owner"] = User(repository.Owner, "Organization"),
            ["html_url"] = Web(repository.FullName),
            ["description"] = null,
            ["fork"] = false,
            ["url"] = api,
            ["git_url"] = "git://" + BaseUrl.Authority + "/" + repository.FullName + ".git",
            ["ssh_url"] = $"git@{BaseUrl.Host}:{repository.FullName}.git",
            ["clone_url"] = Web(repository.FullName + ".git"),
            ["svn_url"] = Web(repository.FullName),
            ["mirror_url"] = null,
            ["homepage"] = null,
            ["language"] = null,
            ["license"] = null,
            ["size"] = 0,
            ["default_branch"] = repository.DefaultBranch,
            ["visibility"] = "private",
            ["is_template"] = false,
            ["archived"] = false,
            ["disabled"] = false,
            ["has_issues"] = true,
            ["has_projects"] = false,
            ["has_wiki"] = false,
            ["has_pages"] = false,
            ["has_downloads"] = false,
            ["has_discussions"] = false,
            ["topics"] = new JsonArray(),
            ["forks"] = 0,
            ["forks_count"] = 0,
            ["open_issues"] = 0,
            ["open_issues_count"] = 0,
            ["stargazers_count"] = 0,
            ["watchers"] = 0,
            ["watchers_count"] = 0,
            ["created_at"] = Time(repository.CreatedAt),
            ["updated_at"] = Time(now),
            ["pushed_at"] = Time(now),
        };
        foreach (var (key, suffix) in RepositoryUrls)
        {
            repo[key] = api + suffix;
        }

        return repo;
    }

    /// <summary>A check run (<c>check-run</c>).</summary>
    public JsonObject CheckRun(CheckRunView run, IEnumerable<JsonObject> pullRequests, DateTimeOffset appCreatedAt)
    {
        var api = Api($"repos/{run.Repository.FullName}/check-runs/{run.Id}");
        return new JsonObject
        {
            ["id"] = run.Id,
            ["head_sha"] = run.HeadSha,
            ["node_id"] = NodeId("CheckRun", run.Id),
            ["external_id"] = run.ExternalId ?? string.Empty,
            ["url"] = api,
            ["html_url"] = run.HtmlUrl.AbsoluteUri,
            ["details_url"] = run.DetailsUrl ?? Web("apps/" + app.Slug),
            ["status"] = run.Status,
            ["conclusion"] = run.Conclusion,
            ["started_at"] = Time(run.StartedAt),
            ["completed_at"] = Time(run.CompletedAt),
            ["output"] = new JsonObject
            {
                ["title"] = run.Title,
                ["summary"] = run.Summary,
                ["text"] = run.Text,
                ["annotations_count"] = run.Annotations.Count,
                ["annotations_url"] = api + "/annotations",
            },
            ["name"] = run.Name,
            ["check_suite"] = new JsonObject { ["id"] = run.CheckSuiteId },
            ["app"] = App(appCreatedAt),
            ["pull_requests"] = new JsonArray([.. pullRequests]),
        };
    }

    /// <summary>A pull request as a check run lists it (<c>pull-request-minimal</c>).</summary>
    public JsonObject MinimalPullRequest(PullRequestView pull, RepoRecord repository)
    {
        var repo = new JsonObject
        {
            ["id"] = repository.Id,
            ["url"] = Api("repos/" + repository.FullName),
            ["name"] = repository.Name,
        };
        return new JsonObject
        {
            ["id"] = pull.Id,
            ["number"] = pull.Number,
            ["url"] = Api($"repos/{repository.FullName}/pulls/{pull.Number}"),
            ["head"] = new JsonObject { ["ref"] = pull.HeadRef, ["sha"] = pull.HeadSha, ["repo"] = repo.DeepClone() },
            ["base"] = new JsonObject { ["ref"] = pull.BaseRef, ["sha"] = pull.BaseSha, ["repo"] = repo },
        };
    }

    /// <summary>An issue.</summary>
    public JsonObject Issue(IssueView issue, int comments) => IssueObject(
        issue.Id, issue.Repository.FullName, issue.Number, issue.Title, issue.Body, issue.State, issue.StateReason, issue.AuthorLogin, comments, issue.CreatedAt, issue.UpdatedAt, issue.ClosedAt);

    /// <summary>A pull request as the issues API shows it (with <c>pull_request</c>).</summary>
    public JsonObject PullRequestAsIssue(PullRequestView pull, int comments)
    {
        var issue = IssueObject(pull.Id, pull.Repository.FullName, pull.Number, pull.Title, null, pull.State, null, pull.AuthorLogin, comments, pull.CreatedAt, pull.UpdatedAt, pull.ClosedAt);
        issue["pull_request"] = new JsonObject
        {
            ["url"] = Api($"repos/{pull.Repository.FullName}/pulls/{pull.Number}"),
            ["html_url"] = Web($"{pull.Repository.FullName}/pull/{pull.Number}"),
            ["diff_url"] = Web($"{pull.Repository.FullName}/pull/{pull.Number}.diff"),
            ["patch_url"] = Web($"{pull.Repository.FullName}/pull/{pull.Number}.patch"),
            ["merged_at"] = pull.Merged ? Time(pull.ClosedAt) : null,
        };
        return issue;
    }

    /// <summary>An issue comment.</summary>
    public JsonObject Comment(CommentView comment)
    {
        var fullName = comment.Repository.FullName;
        return new JsonObject
        {
            ["id"] = comment.Id,
            ["node_id"] = NodeId("IssueComment", comment.Id),
            ["url"] = Api($"repos/{fullName}/issues/comments/{comment.Id}"),
            ["html_url"] = Web($"{fullName}/issues/{comment.IssueNumber}#issuecomment-{comment.Id}"),
            ["body"] = comment.Body,
            ["user"] = Actor(comment.AuthorLogin),
            ["created_at"] = Time(comment.CreatedAt),
            ["updated_at"] = Time(comment.UpdatedAt),
            ["issue_url"] = Api($"repos/{fullName}/issues/{comment.IssueNumber}"),
            ["author_association"] = "NONE",
            ["performed_via_github_app"] = comment.AuthorLogin == app.BotLogin ? App(comment.CreatedAt) : null,
            ["reactions"] = Reactions(Api($"repos/{fullName}/issues/comments/{comment.Id}/reactions")),
        };
    }

    /// <summary>A pull request as <c>GET /repos/{o}/{r}/commits/{sha}/pulls</c> lists it (<c>pull-request-simple</c>).</summary>
    public JsonObject SimplePullRequest(PullRequestView pull, RepoRecord repository, DateTimeOffset now)
    {
        var fullName = repository.FullName;
        var api = Api($"repos/{fullName}/pulls/{pull.Number}");
        var issue = Api($"repos/{fullName}/issues/{pull.Number}");
        return new JsonObject
        {
            ["url"] = api,
            ["id"] = pull.Id,
            ["node_id"] = NodeId("PullRequest", pull.Id),
            ["html_url"] = Web($"{fullName}/pull/{pull.Number}"),
            ["diff_url"] = Web($"{fullName}/pull/{pull.Number}.diff"),
            ["patch_url"] = Web($"{fullName}/pull/{pull.Number}.patch"),
            ["issue_url"] = issue,
            ["commits_url"] = api + "/commits",
            ["review_comments_url"] = api + "/comments",
            ["review_comment_url"] = Api($"repos/{fullName}/pulls/comments{{/number}}"),
            ["comments_url"] = issue + "/comments",
            ["statuses_url"] = Api($"repos/{fullName}/statuses/{pull.HeadSha}"),
            ["number"] = pull.Number,
            ["state"] = pull.State,
            ["locked"] = false,
            ["title"] = pull.Title,
            ["user"] = Actor(pull.AuthorLogin),
            ["body"] = null,
            ["labels"] = new JsonArray(),
            ["milestone"] = null,
            ["active_lock_reason"] = null,
            ["created_at"] = Time(pull.CreatedAt),
            ["updated_at"] = Time(pull.UpdatedAt),
            ["closed_at"] = Time(pull.ClosedAt),
            ["merged_at"] = pull.Merged ? Time(pull.ClosedAt) : null,
            ["merge_commit_sha"] = null,
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["requested_reviewers"] = new JsonArray(),
            ["requested_teams"] = new JsonArray(),
            ["head"] = Branch(repository, pull.HeadRef, pull.HeadSha, pull.AuthorLogin, now),
            ["base"] = Branch(repository, pull.BaseRef, pull.BaseSha, repository.Owner, now),
            ["_links"] = Links(fullName, pull),
            ["author_association"] = "CONTRIBUTOR",
            ["auto_merge"] = null,
            ["draft"] = false,
        };
    }

    /// <summary>A pull request's <c>head</c> or <c>base</c>.</summary>
    public JsonObject Branch(RepoRecord repository, string branch, string sha, string userLogin, DateTimeOffset now) => new()
    {
        ["label"] = $"{repository.Owner}:{branch}",
        ["ref"] = branch,
        ["sha"] = sha,
        ["user"] = User(userLogin),
        ["repo"] = Repository(repository, now),
    };

    /// <summary>A pull request's <c>_links</c>.</summary>
    public JsonObject Links(string fullName, PullRequestView pull)
    {
        JsonObject Href(string href) => new() { ["href"] = href };
        var api = Api($"repos/{fullName}/pulls/{pull.Number}");
        return new JsonObject
        {
            ["self"] = Href(api),
            ["html"] = Href(Web($"{fullName}/pull/{pull.Number}")),
            ["issue"] = Href(Api($"repos/{fullName}/issues/{pull.Number}")),
            ["comments"] = Href(Api($"repos/{fullName}/issues/{pull.Number}/comments")),
            ["review_comments"] = Href(api + "/comments"),
            ["review_comment"] = Href(Api($"repos/{fullName}/pulls/comments{{/number}}")),
            ["commits"] = Href(api + "/commits"),
            ["statuses"] = Href(Api($"repos/{fullName}/statuses/{pull.HeadSha}")),
        };
    }

    private JsonObject IssueObject(long id, string fullName, int number, string title, string? body, string state, string? stateReason, string author, int comments, DateTimeOffset createdAt, DateTimeOffset updatedAt, DateTimeOffset? closedAt)
    {
        var api = Api($"repos/{fullName}/issues/{number}");
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = NodeId("Issue", id),
            ["url"] = api,
            ["repository_url"] = Api("repos/" + fullName),
            ["labels_url"] = api + "/labels{/name}",
            ["comments_url"] = api + "/comments",
            ["events_url"] = api + "/events",
            ["html_url"] = Web($"{fullName}/issues/{number}"),
            ["number"] = number,
            ["state"] = state,
            ["state_reason"] = stateReason,
            ["title"] = title,
            ["body"] = body,
            ["user"] = Actor(author),
            ["labels"] = new JsonArray(),
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["milestone"] = null,
            ["locked"] = false,
            ["active_lock_reason"] = null,
            ["comments"] = comments,
            ["closed_at"] = Time(closedAt),
            ["created_at"] = Time(createdAt),
            ["updated_at"] = Time(updatedAt),
            ["closed_by"] = null,
            ["author_association"] = "NONE",
            ["performed_via_github_app"] = author == app.BotLogin ? App(createdAt) : null,
            ["reactions"] = Reactions(api + "/reactions"),
        };
    }

    private static JsonObject Reactions(string url) => new()
    {
        ["url"] = url,
        ["total_count"] = 0,
        ["+1"] = 0,
        ["-1"] = 0,
        ["laugh"] = 0,
        ["confused"] = 0,
        ["heart"] = 0,
        ["hooray"] = 0,
        ["eyes"] = 0,
        ["rocket"] = 0,
    };
}
