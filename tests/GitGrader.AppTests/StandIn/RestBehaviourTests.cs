using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn;

namespace GitGrader.AppTests.StandInTests;

/// <summary>GitHub's behaviour behind the endpoints GitGrader uses.</summary>
public sealed class RestBehaviourTests : StandInTestBase
{
    private const string CheckRuns = $"repos/{Org}/{Repo}/check-runs";

    [Fact]
    public async Task UpdateCheckRun_AnnotationsAppend_ConclusionCompletes_HistoryIsKept()
    {
        var sha = await SeedAsync();
        var id = (await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(sha))).Body!["id"]!.GetValue<long>();
        JsonObject Output(int from, int count) => new()
        {
            ["title"] = "7/10 points",
            ["summary"] = "summary",
            ["annotations"] = new JsonArray([.. Enumerable.Range(from, count).Select(i => (JsonNode)Annotation(i))]),
        };

        await Api.PatchAsync($"{CheckRuns}/{id}", TokenAuth, new JsonObject { ["status"] = "in_progress" });
        await Api.PatchAsync($"{CheckRuns}/{id}", TokenAuth, new JsonObject { ["output"] = Output(1, 50) });
        var last = await Api.PatchAsync($"{CheckRuns}/{id}", TokenAuth, new JsonObject { ["conclusion"] = "failure", ["output"] = Output(51, 30) });

        Assert.Equal(200, last.Status);
        Assert.Equal("completed", last.Body!["status"]!.GetValue<string>());
        Assert.Equal(80, last.Body["output"]!["annotations_count"]!.GetValue<int>());
        Assert.NotNull(last.Body["completed_at"]);
        var run = Assert.Single(GitHub.CheckRuns);
        Assert.Equal(["queued", "in_progress", "completed"], run.StatusHistory);
        Assert.Equal(Enumerable.Range(1, 80), run.Annotations.Select(a => a.StartLine));
        Assert.Equal(("failure", "7/10 points", "job-1"), (run.Conclusion, run.Title, run.ExternalId));
        Assert.Equal([0, 0, 50, 30], run.History.Select(h => h.AnnotationsAdded));
        Assert.Equal(["created", "updated", "updated", "updated"], run.History.Select(h => h.Action));
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task CreateCheckRun_UnknownCommit_Is422AndASemanticViolation()
    {
        await SeedAsync();

        var answer = await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(new string('a', 40)));

        Assert.Equal(422, answer.Status);
        Assert.StartsWith("No commit found for SHA", answer.Body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(ViolationKind.Semantic, Assert.Single(GitHub.Violations).Kind);
    }

    [Fact]
    public async Task SeedCommitChain_WritesDistinctCommitsOnTheBranch_EachKnownToCheckRuns()
    {
        var first = await SeedAsync();

        var chain = await GitHub.SeedCommitChainAsync(Org, Repo, "main", 5);

        Assert.Equal(5, chain.Count);
        Assert.Equal(5, chain.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(first, chain);
        var remote = GitHub.GitRemoteUrl(Org, Repo, GitHub.CreateInstallationToken(InstallationId)).AbsoluteUri;
        var tip = (await Git.CheckedAsync(null, "ls-remote", remote, "refs/heads/main")).Split('\t')[0];
        Assert.Equal(chain[^1], tip);
        foreach (var sha in chain)
        {
            Assert.Equal(201, (await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(sha))).Status);
        }

        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task CheckRunHeadSha_IsKnownPerRepository_AndARefusedShaIsAcceptedOncePushed()
    {
        await GitHub.CreateRepositoryAsync(Org, "hw1-bob", InstallationId);
        var alices = await SeedAsync();
        var bobsRuns = $"repos/{Org}/hw1-bob/check-runs";

        // Alice's commit, known (and remembered) in her repository, is not in Bob's.
        Assert.Equal(201, (await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(alices))).Status);
        Assert.Equal(201, (await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(alices))).Status);
        Assert.Equal(422, (await Api.PostAsync(bobsRuns, TokenAuth, CheckRun(alices))).Status);

        // The same commit pushed to Bob's repository afterwards: the earlier refusal was not remembered.
        var remote = GitHub.GitRemoteUrl(Org, "hw1-bob", GitHub.CreateUserToken("bob")).AbsoluteUri;
        var alicesRemote = GitHub.GitRemoteUrl(Org, Repo, GitHub.CreateInstallationToken(InstallationId)).AbsoluteUri;
        var clone = Directory.CreateTempSubdirectory("gg-known-commits-").FullName;
        try
        {
            await Git.CheckedAsync(null, "clone", "--quiet", alicesRemote, clone);
            await Git.CheckedAsync(clone, "push", "--quiet", remote, "main:main");
        }
        finally
        {
            Directory.Delete(clone, recursive: true);
        }

        Assert.Equal(201, (await Api.PostAsync(bobsRuns, TokenAuth, CheckRun(alices))).Status);
        Assert.Equal(ViolationKind.Semantic, Assert.Single(GitHub.Violations).Kind);
    }

    [Fact]
    public async Task ListCheckRunsForRef_FiltersByNameAndLatest_ResolvesBranches_Pages()
    {
        var sha = await SeedAsync();
        var other = CheckRun(sha);
        other["name"] = "lint";
        await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(sha));
        await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(sha));
        await Api.PostAsync(CheckRuns, TokenAuth, other);

        var all = await Api.GetAsync($"repos/{Org}/{Repo}/commits/{sha}/check-runs?check_name=hw1&filter=all&per_page=1", TokenAuth);
        var latest = await Api.GetAsync($"repos/{Org}/{Repo}/commits/{sha}/check-runs", TokenAuth);
        var byBranch = await Api.GetAsync($"repos/{Org}/{Repo}/commits/heads/main/check-runs?check_name=hw1&filter=all", TokenAuth);
        var unknown = await Api.GetAsync($"repos/{Org}/{Repo}/commits/no-such-branch/check-runs", TokenAuth);

        Assert.Equal(2, all.Body!["total_count"]!.GetValue<int>());
        Assert.Single(all.Body["check_runs"]!.AsArray());
        Assert.Contains("rel=\"next\"", all.Headers["Link"], StringComparison.Ordinal);
        Assert.Contains("page=2", all.Headers["Link"], StringComparison.Ordinal);
        Assert.Equal(2, latest.Body!["total_count"]!.GetValue<int>());
        Assert.Equal(["lint", "hw1"], latest.Body["check_runs"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
        Assert.Equal(2, byBranch.Body!["total_count"]!.GetValue<int>());
        Assert.Equal(422, unknown.Status);
        Assert.Equal(ViolationKind.Semantic, Assert.Single(GitHub.Violations).Kind);
    }

    [Fact]
    public async Task ListPullsForCommit_FindsOpenAndClosedPullRequestsWhoseHeadContainsIt()
    {
        var onMain = await SeedAsync("main\n");
        var early = await SeedAsync("feature 1\n", branch: "feature");
        var tip = await SeedAsync("feature 2\n", branch: "feature");
        await SeedAsync("other\n", branch: "other");
        var number = await GitHub.OpenPullRequestAsync(Org, Repo, "feature", "main", "alice");
        var closed = await GitHub.OpenPullRequestAsync(Org, Repo, "other", "main", "alice");
        await GitHub.ClosePullRequestAsync(Org, Repo, closed);

        var forTip = await Api.GetAsync($"repos/{Org}/{Repo}/commits/{tip}/pulls", TokenAuth);
        var forEarly = await Api.GetAsync($"repos/{Org}/{Repo}/commits/{early}/pulls", TokenAuth);
        var forMain = await Api.GetAsync($"repos/{Org}/{Repo}/commits/{onMain}/pulls", TokenAuth);

        var pull = Assert.Single(forTip.Body!.AsArray())!;
        Assert.Equal((number, "open", tip, "feature"), (pull["number"]!.GetValue<int>(), pull["state"]!.GetValue<string>(), pull["head"]!["sha"]!.GetValue<string>(), pull["head"]!["ref"]!.GetValue<string>()));
        Assert.Single(forEarly.Body!.AsArray());
        Assert.Equal(2, forMain.Body!.AsArray().Count);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task Issues_CreateListEdit_WithPaginationAndPullRequestsListedToo()
    {
        await SeedAsync();
        await SeedAsync("x\n", branch: "feature");
        for (var i = 1; i <= 3; i++)
        {
            var created = await Api.PostAsync($"repos/{Org}/{Repo}/issues", TokenAuth, new JsonObject { ["title"] = $"Summary {i}", ["body"] = "table" });
            Assert.Equal(201, created.Status);
        }

        await GitHub.OpenPullRequestAsync(Org, Repo, "feature", "main", "alice");

        var page1 = await Api.GetAsync($"repos/{Org}/{Repo}/issues?state=all&creator={Uri.EscapeDataString(GitHub.BotLogin)}&per_page=2", TokenAuth);
        var page2 = await Api.GetAsync($"repos/{Org}/{Repo}/issues?state=all&creator={Uri.EscapeDataString(GitHub.BotLogin)}&per_page=2&page=2", TokenAuth);
        var everything = await Api.GetAsync($"repos/{Org}/{Repo}/issues?state=all", TokenAuth);
        var edited = await Api.PatchAsync($"repos/{Org}/{Repo}/issues/2", TokenAuth, new JsonObject { ["title"] = "Summary 2", ["body"] = "new table" });
        var closed = await Api.PatchAsync($"repos/{Org}/{Repo}/issues/3", TokenAuth, new JsonObject { ["state"] = "closed" });
        var open = await Api.GetAsync($"repos/{Org}/{Repo}/issues", TokenAuth);

        Assert.Equal([3, 2], page1.Body!.AsArray().Select(i => i!["number"]!.GetValue<int>()));
        Assert.Contains("rel=\"next\"", page1.Headers["Link"], StringComparison.Ordinal);
        Assert.Equal([1], page2.Body!.AsArray().Select(i => i!["number"]!.GetValue<int>()));
        Assert.DoesNotContain("rel=\"next\"", page2.Headers["Link"], StringComparison.Ordinal);
        Assert.Equal(GitHub.BotLogin, page2.Body[0]!["user"]!["login"]!.GetValue<string>());
        var pull = Assert.Single(everything.Body!.AsArray(), i => i!["pull_request"] is not null)!;
        Assert.Equal(4, pull["number"]!.GetValue<int>());
        Assert.Equal((200, "new table"), (edited.Status, edited.Body!["body"]!.GetValue<string>()));
        Assert.Equal("closed", closed.Body!["state"]!.GetValue<string>());
        Assert.Equal([4, 2, 1], open.Body!.AsArray().Select(i => i!["number"]!.GetValue<int>()));
        var issue = GitHub.Issues.Single(i => i.Number == 2);
        Assert.Equal((1, "new table"), (issue.EditCount, issue.Body));
        Assert.Equal(3, GitHub.Issues.Count);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task Comments_OnAPullRequest_CreateListEdit_KeepTheHistory()
    {
        await SeedAsync();
        await SeedAsync("x\n", branch: "feature");
        var number = await GitHub.OpenPullRequestAsync(Org, Repo, "feature", "main", "alice");

        var created = await Api.PostAsync($"repos/{Org}/{Repo}/issues/{number}/comments", TokenAuth, new JsonObject { ["body"] = "<!-- gitgrader -->\n7/10" });
        var id = created.Body!["id"]!.GetValue<long>();
        var edited = await Api.PatchAsync($"repos/{Org}/{Repo}/issues/comments/{id}", TokenAuth, new JsonObject { ["body"] = "<!-- gitgrader -->\n10/10" });
        var listed = await Api.GetAsync($"repos/{Org}/{Repo}/issues/{number}/comments", TokenAuth);
        var tooLong = await Api.PostAsync($"repos/{Org}/{Repo}/issues/{number}/comments", TokenAuth, new JsonObject { ["body"] = new string('x', 65_537) });
        var nowhere = await Api.PostAsync($"repos/{Org}/{Repo}/issues/99/comments", TokenAuth, new JsonObject { ["body"] = "x" });

        Assert.Equal((201, 200), (created.Status, edited.Status));
        Assert.Equal(GitHub.BotLogin, created.Body["user"]!["login"]!.GetValue<string>());
        Assert.Equal("Bot", created.Body["user"]!["type"]!.GetValue<string>());
        Assert.Equal("<!-- gitgrader -->\n10/10", Assert.Single(listed.Body!.AsArray())!["body"]!.GetValue<string>());
        var comment = Assert.Single(GitHub.Comments);
        Assert.Equal((number, 1), (comment.IssueNumber, comment.EditCount));
        Assert.Equal(["<!-- gitgrader -->\n7/10", "<!-- gitgrader -->\n10/10"], comment.History);
        Assert.Equal((422, 404), (tooLong.Status, nowhere.Status));
        Assert.Equal(ViolationKind.Semantic, Assert.Single(GitHub.Violations).Kind);
    }

    [Fact]
    public async Task FailNextRequests_FailsOnlyMatchingRequests_ThenRecovers()
    {
        var sha = await SeedAsync();
        GitHub.FailNextRequests(2, 502, pathContains: "check-runs");

        var issues = await Api.GetAsync($"repos/{Org}/{Repo}/issues", TokenAuth);
        var first = await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(sha));
        var second = await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(sha));
        var third = await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(sha));

        Assert.Equal((200, 502, 502, 201), (issues.Status, first.Status, second.Status, third.Status));
        Assert.Single(GitHub.CheckRuns);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task RateLimitNextRequests_Answers403WithRetryAfterAndReset()
    {
        GitHub.RateLimitNextRequests(1, TimeSpan.FromSeconds(30));
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var limited = await Api.GetAsync($"repos/{Org}/{Repo}/issues", TokenAuth);
        var next = await Api.GetAsync($"repos/{Org}/{Repo}/issues", TokenAuth);

        Assert.Equal(403, limited.Status);
        Assert.Equal("30", limited.Headers["Retry-After"]);
        Assert.Equal("0", limited.Headers["X-RateLimit-Remaining"]);
        Assert.InRange(long.Parse(limited.Headers["X-RateLimit-Reset"], System.Globalization.CultureInfo.InvariantCulture), before + 29, before + 32);
        Assert.Contains("rate limit", limited.Body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, next.Status);
    }

    [Fact]
    public async Task WaitForCheckRunAsync_TimesOutListingWhatExists()
    {
        var sha = await SeedAsync();
        await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(sha));

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => GitHub.WaitForCheckRunAsync(r => r.Status == "completed", TimeSpan.FromMilliseconds(300)));

        Assert.Contains("No check run matched", thrown.Message, StringComparison.Ordinal);
        Assert.Contains($"'hw1' on {Org}/{Repo}@{sha[..7]} queued", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForCheckRunAsync_WakesWhenTheRunCompletes()
    {
        var sha = await SeedAsync();
        var id = (await Api.PostAsync(CheckRuns, TokenAuth, CheckRun(sha))).Body!["id"]!.GetValue<long>();
        var waiting = GitHub.WaitForCheckRunAsync(r => r.Id == id && r.Conclusion == "success", TimeSpan.FromSeconds(10));

        await Api.PatchAsync($"{CheckRuns}/{id}", TokenAuth, new JsonObject { ["conclusion"] = "success", ["output"] = new JsonObject { ["title"] = "10/10", ["summary"] = "ok" } });

        Assert.Equal("10/10", (await waiting).Title);
    }
}
