using System.Globalization;
using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.Api;
using GitGrader.GitHubStandIn.Git;
using GitGrader.GitHubStandIn.State;

namespace GitGrader.GitHubStandIn.Webhooks;

/// <summary>Webhook payloads: a real example from <c>@octokit/webhooks-examples</c>, its URLs moved to the stand-in and its facts replaced.</summary>
internal sealed class WebhookPayloadFactory(WebhookExampleCatalog examples, JsonShapes shapes)
{
    /// <summary>A <c>push</c> of one ref.</summary>
    public JsonObject Push(RepoRecord repository, long installationId, RefUpdate update, string pusher, bool forced, IReadOnlyList<CommitInfo> commits, CommitInfo? head, DateTimeOffset now)
    {
        var payload = examples.Get("push", prefer: e => e["ref"]?.GetValue<string>()?.StartsWith("refs/heads/", StringComparison.Ordinal) == true);
        Rebase(payload);
        payload["ref"] = update.Ref;
        payload["before"] = update.Before;
        payload["after"] = update.After;
        payload["created"] = update.Created;
        payload["deleted"] = update.Deleted;
        payload["forced"] = forced;
        payload["base_ref"] = null;
        payload["compare"] = update.Created
            ? shapes.Web($"{repository.FullName}/compare/{ShortName(update.Ref)}")
            : shapes.Web($"{repository.FullName}/compare/{update.Before[..12]}...{update.After[..12]}");
        payload["commits"] = new JsonArray([.. commits.Select(c => Commit(repository, c))]);
        payload["head_commit"] = head is null ? null : Commit(repository, head);
        payload["repository"] = Repository(payload["repository"] as JsonObject, repository, now);
        // The App's bot pushes too (a starter, a set-up commit): its login is no e-mail local part, and GitHub sends none.
        var bot = pusher.EndsWith("[bot]", StringComparison.Ordinal);
        payload["pusher"] = new JsonObject { ["name"] = pusher, ["email"] = bot ? null : $"{pusher}@users.noreply.github.com" };
        payload["sender"] = bot ? shapes.Actor(pusher) : shapes.User(pusher);
        payload["installation"] = Installation(installationId);
        payload.Remove("organization");
        return payload;
    }

    /// <summary>A <c>pull_request</c> with <paramref name="action"/> (opened, synchronize, closed).</summary>
    public JsonObject PullRequest(string action, RepoRecord repository, long installationId, PullRequestView pull, string sender, string? before, DateTimeOffset now)
    {
        var payload = examples.Get("pull_request", action is "synchronize" or "closed" ? action : "opened");
        Rebase(payload);
        payload["action"] = action;
        payload["number"] = pull.Number;
        var body = payload["pull_request"] as JsonObject ?? [];
        foreach (var (key, value) in shapes.SimplePullRequest(pull, repository, now))
        {
            body[key] = value?.DeepClone();
        }

        body["head"] = Branch(body["head"] as JsonObject, repository, pull.HeadRef, pull.HeadSha, pull.AuthorLogin, now);
        body["base"] = Branch(body["base"] as JsonObject, repository, pull.BaseRef, pull.BaseSha, repository.Owner, now);
        body["merged"] = pull.Merged;
        body["mergeable"] = null;
        body["merged_by"] = null;
        payload["pull_request"] = body;
        if (action == "synchronize")
        {
            payload["before"] = before;
            payload["after"] = pull.HeadSha;
        }
        else
        {
            payload.Remove("before");
            payload.Remove("after");
        }

        payload["repository"] = Repository(payload["repository"] as JsonObject, repository, now);
        payload["sender"] = shapes.User(sender);
        payload["installation"] = Installation(installationId);
        payload.Remove("organization");
        return payload;
    }

    /// <summary>A <c>check_run</c> with <paramref name="action"/> (rerequested) for one of the App's runs.</summary>
    public JsonObject CheckRun(string action, RepoRecord repository, long installationId, CheckRunView run, string? headBranch, IEnumerable<JsonObject> pullRequests, string sender, DateTimeOffset appCreatedAt, DateTimeOffset now)
    {
        var payload = examples.Get("check_run", action);
        Rebase(payload);
        var body = payload["check_run"] as JsonObject ?? [];
        var pulls = pullRequests.ToList();
        foreach (var (key, value) in shapes.CheckRun(run, pulls, appCreatedAt))
        {
            body[key] = value?.DeepClone();
        }

        var suite = body["check_suite"] as JsonObject ?? [];
        suite["id"] = run.CheckSuiteId;
        suite["node_id"] = JsonShapes.NodeId("CheckSuite", run.CheckSuiteId);
        suite["head_branch"] = headBranch;
        suite["head_sha"] = run.HeadSha;
        suite["status"] = run.Status;
        suite["conclusion"] = run.Conclusion;
        suite["url"] = shapes.Api($"repos/{repository.FullName}/check-suites/{run.CheckSuiteId}");
        suite["before"] = null;
        suite["after"] = run.HeadSha;
        suite["pull_requests"] = new JsonArray([.. pulls.Select(p => p.DeepClone())]);
        suite["app"] = shapes.App(appCreatedAt);
        suite["created_at"] = JsonShapes.Time(run.StartedAt ?? now);
        suite["updated_at"] = JsonShapes.Time(now);
        body["check_suite"] = suite;
        payload["check_run"] = body;
        payload["action"] = action;
        payload["repository"] = Repository(payload["repository"] as JsonObject, repository, now);
        payload["sender"] = shapes.User(sender);
        payload["installation"] = Installation(installationId);
        payload.Remove("organization");
        return payload;
    }

    private static string ShortName(string reference) =>
        reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..]
        : reference.StartsWith("refs/tags/", StringComparison.Ordinal) ? reference["refs/tags/".Length..]
        : reference;

    private JsonObject Installation(long installationId) => new()
    {
        ["id"] = installationId,
        ["node_id"] = JsonShapes.NodeId("IntegrationInstallation", installationId),
    };

    private JsonObject Commit(RepoRecord repository, CommitInfo commit) => new()
    {
        ["id"] = commit.Sha,
        ["tree_id"] = commit.TreeSha,
        ["distinct"] = true,
        ["message"] = commit.Message,
        ["timestamp"] = commit.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["url"] = shapes.Web($"{repository.FullName}/commit/{commit.Sha}"),
        ["author"] = new JsonObject { ["name"] = commit.AuthorName, ["email"] = commit.AuthorEmail },
        ["committer"] = new JsonObject { ["name"] = commit.CommitterName, ["email"] = commit.CommitterEmail },
        ["added"] = new JsonArray([.. commit.Added.Select(f => JsonValue.Create(f))]),
        ["removed"] = new JsonArray([.. commit.Removed.Select(f => JsonValue.Create(f))]),
        ["modified"] = new JsonArray([.. commit.Modified.Select(f => JsonValue.Create(f))]),
    };

    private JsonObject Branch(JsonObject? example, RepoRecord repository, string branch, string sha, string user, DateTimeOffset now)
    {
        var result = example ?? [];
        result["label"] = $"{repository.Owner}:{branch}";
        result["ref"] = branch;
        result["sha"] = sha;
        result["user"] = shapes.User(user);
        result["repo"] = Repository(result["repo"] as JsonObject, repository, now);
        return result;
    }

    /// <summary>The example's repository object with this repository's facts (push payloads keep their unix-time dates).</summary>
    private JsonObject Repository(JsonObject? example, RepoRecord repository, DateTimeOffset now)
    {
        var result = example ?? [];
        var exampleName = result["full_name"]?.GetValue<string>();
        if (exampleName is not null)
        {
            ReplaceInUrls(result, exampleName, repository.FullName);
        }

        foreach (var (key, value) in shapes.Repository(repository, now))
        {
            if (key is "created_at" or "pushed_at" && result[key] is JsonValue existing && existing.GetValueKind() == System.Text.Json.JsonValueKind.Number)
            {
                result[key] = (key == "created_at" ? repository.CreatedAt : now).ToUnixTimeSeconds();
                continue;
            }

            result[key] = value?.DeepClone();
        }

        if (result.ContainsKey("master_branch"))
        {
            result["master_branch"] = repository.DefaultBranch;
        }

        return result;
    }

    /// <summary>Moves every github.com URL of the payload to the stand-in.</summary>
    private void Rebase(JsonNode node) => Rewrite(node, text => text
        .Replace("https://api.github.com/", shapes.ApiBaseUrl.AbsoluteUri, StringComparison.Ordinal)
        .Replace("https://uploads.github.com/", shapes.ApiBaseUrl.AbsoluteUri, StringComparison.Ordinal)
        .Replace("https://github.com/", shapes.BaseUrl.AbsoluteUri, StringComparison.Ordinal)
        .Replace("http://github.com/", shapes.BaseUrl.AbsoluteUri, StringComparison.Ordinal)
        .Replace("git://github.com/", "git://" + shapes.BaseUrl.Authority + "/", StringComparison.Ordinal)
        .Replace("git@github.com:", "git@" + shapes.BaseUrl.Authority + ":", StringComparison.Ordinal));

    private static void ReplaceInUrls(JsonNode node, string from, string to) =>
        Rewrite(node, text => text.Contains("://", StringComparison.Ordinal) || text.StartsWith("git@", StringComparison.Ordinal)
            ? text.Replace("/" + from, "/" + to, StringComparison.Ordinal).Replace(":" + from, ":" + to, StringComparison.Ordinal)
            : text);

    private static void Rewrite(JsonNode node, Func<string, string> rewrite)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = rewrite(text);
                    }
                    else if (obj[key] is { } child)
                    {
                        Rewrite(child, rewrite);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = rewrite(text);
                    }
                    else if (array[i] is { } child)
                    {
                        Rewrite(child, rewrite);
                    }
                }

                break;
        }
    }
}
