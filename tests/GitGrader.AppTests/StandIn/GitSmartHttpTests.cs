using System.Text.Json;
using GitGrader.GitHub.Webhooks;
using GitGrader.GitHubStandIn;

namespace GitGrader.AppTests.StandInTests;

/// <summary>Git over smart HTTP with real git processes: credentials, clone, push, shallow fetch of one commit, push webhooks.</summary>
public sealed class GitSmartHttpTests : StandInTestBase
{
    private const string RefUpdateZero = "0000000000000000000000000000000000000000";

    private WebhookReceiver _receiver = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync();
        GitHub.WebhookUrl = _receiver.Url;
    }

    public override async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Clone_WithBadToken_Fails401_WithInstallationToken_Works()
    {
        var sha = await SeedAsync();

        var bad = await Git.RunAsync(null, "clone", "--quiet", GitHub.GitRemoteUrl(Org, Repo, "ghs_not-a-token").AbsoluteUri, Git.Folder("bad"));
        var none = await Git.RunAsync(null, "clone", "--quiet", GitHub.GitRemoteUrl(Org, Repo).AbsoluteUri, Git.Folder("none"));
        var good = await Git.RunAsync(null, "clone", "--quiet", GitHub.GitRemoteUrl(Org, Repo, GitHub.CreateInstallationToken(InstallationId)).AbsoluteUri, Git.Folder("good"));

        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("Authentication failed", bad.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, none.ExitCode);
        Assert.True(good.ExitCode == 0, good.Error);
        Assert.Equal(sha, await Git.CheckedAsync(Path.Combine(Git.Root, "good"), "rev-parse", "HEAD"));
        Assert.Contains(GitHub.Requests, r => r.Surface == RequestSurface.Git && r.Status == 401 && r.Auth == AuthKind.Invalid);
        Assert.Contains(GitHub.Requests, r => r.Surface == RequestSurface.Git && r.Status == 200 && r.Auth == AuthKind.InstallationToken);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task Clone_TokenOfAnotherInstallation_IsRepositoryNotFound()
    {
        await SeedAsync();
        var other = GitHub.InstallApp("elsewhere");

        var result = await Git.RunAsync(null, "clone", "--quiet", GitHub.GitRemoteUrl(Org, Repo, GitHub.CreateInstallationToken(other)).AbsoluteUri, Git.Folder("x"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(GitHub.Requests, r => r.Surface == RequestSurface.Git && r.Status == 404);
    }

    [Fact]
    public async Task Push_WithInstallationToken_IsRefused_WithOtherStudentsToken_IsNotFound()
    {
        var work = await CloneAsync(GitHub.CreateInstallationToken(InstallationId));
        await Git.CommitFileAsync(work, "a.txt", "a", "a");
        var bobsUrl = GitHub.GitRemoteUrl(Org, Repo, GitHub.CreateUserToken("bob")).AbsoluteUri;

        var asApp = await Git.RunAsync(work, "push", "--quiet", "origin", "HEAD:main");
        var asBob = await Git.RunAsync(work, "push", "--quiet", bobsUrl, "HEAD:main");

        Assert.NotEqual(0, asApp.ExitCode);
        Assert.Contains(GitHub.Requests, r => r.Surface == RequestSurface.Git && r.Status == 403);
        Assert.NotEqual(0, asBob.ExitCode);
        Assert.Empty(GitHub.Deliveries);
    }

    [Fact]
    public async Task Push_WithStudentToken_SendsASignedPushDeliveryThatParses()
    {
        var work = Git.Folder("alice");
        await Git.CheckedAsync(work, "init", "--quiet");
        await Git.CheckedAsync(work, "remote", "add", "origin", GitHub.GitRemoteUrl(Org, Repo, GitHub.CreateUserToken("alice")).AbsoluteUri);
        var first = await Git.CommitFileAsync(work, "main.py", "print(1)\n", "first");
        var second = await Git.CommitFileAsync(work, "main.py", "print(2)\n", "second: fix the bug");

        await Git.CheckedAsync(work, "push", "--quiet", "origin", "main");
        var delivery = await GitHub.WaitForDeliveryAsync(d => d.Event == "push", TimeSpan.FromSeconds(20));

        Assert.Equal(202, delivery.Status);
        var received = Assert.Single(_receiver.Received);
        Assert.Equal(delivery.Body.ToArray(), received.Body);
        Assert.True(WebhookSignature.IsValid(received.Body, received.Headers["X-Hub-Signature-256"], GitHub.WebhookSecret));
        Assert.StartsWith("sha1=", received.Headers["X-Hub-Signature"], StringComparison.Ordinal);
        Assert.StartsWith("GitHub-Hookshot/", received.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal(delivery.Id.ToString(), received.Headers["X-GitHub-Delivery"]);
        Assert.Equal("application/json", received.Headers["Content-Type"]);
        Assert.False(string.IsNullOrEmpty(received.Headers["X-GitHub-Hook-ID"]));

        var push = Assert.IsType<PushWebhook>(WebhookParser.Parse("push", received.Body));
        Assert.Equal(("refs/heads/main", second, "main"), (push.Ref, push.After, push.Branch));
        Assert.Equal((Org, Repo, "main"), (push.Repository.Owner, push.Repository.Name, push.Repository.DefaultBranch));
        Assert.Equal(GitHub.GitRemoteUrl(Org, Repo).AbsoluteUri, push.Repository.CloneUrl);

        using var json = JsonDocument.Parse(received.Body);
        var root = json.RootElement;
        Assert.Equal(RefUpdateZero, root.GetProperty("before").GetString());
        Assert.True(root.GetProperty("created").GetBoolean());
        Assert.False(root.GetProperty("forced").GetBoolean());
        Assert.Equal(InstallationId, root.GetProperty("installation").GetProperty("id").GetInt64());
        Assert.Equal("alice", root.GetProperty("sender").GetProperty("login").GetString());
        Assert.Equal("alice", root.GetProperty("pusher").GetProperty("name").GetString());
        Assert.Equal(second, root.GetProperty("head_commit").GetProperty("id").GetString());
        Assert.Equal("second: fix the bug", root.GetProperty("head_commit").GetProperty("message").GetString());
        Assert.Equal([first, second], root.GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["main.py"], root.GetProperty("commits")[0].GetProperty("added").EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain("github.com", received.Headers.Values.Aggregate(string.Empty, string.Concat) + root.GetProperty("repository").GetRawText(), StringComparison.Ordinal);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task Push_UpdateAndForcePushAndNewBranch_EachSendTheirOwnDelivery()
    {
        var work = await CloneAsync(GitHub.CreateUserToken("alice"));
        var before = await Git.CheckedAsync(work, "rev-parse", "HEAD");
        var next = await Git.CommitFileAsync(work, "b.txt", "b", "b");
        await Git.CheckedAsync(work, "push", "--quiet", "origin", "HEAD:main", "HEAD:refs/heads/feature");
        await Git.CheckedAsync(work, "reset", "--quiet", "--hard", before);
        var rewritten = await Git.CommitFileAsync(work, "c.txt", "c", "c");
        await Git.CheckedAsync(work, "push", "--quiet", "--force", "origin", "HEAD:main");

        await GitHub.WaitForWebhooksIdleAsync(TimeSpan.FromSeconds(20));

        var pushes = GitHub.Deliveries.Where(d => d.Event == "push").Select(d => JsonDocument.Parse(d.Body).RootElement).ToList();
        Assert.Equal(3, pushes.Count);
        Assert.Equal(
            [("refs/heads/feature", true, false, next), ("refs/heads/main", false, false, next), ("refs/heads/main", false, true, rewritten)],
            pushes.Select(p => (p.GetProperty("ref").GetString(), p.GetProperty("created").GetBoolean(), p.GetProperty("forced").GetBoolean(), p.GetProperty("after").GetString())));
        Assert.Equal([next], pushes[0].GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.DoesNotContain(before, pushes[2].GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Push_IsAnsweredWhileTheReceiverIsStillBusy_AndDeliveriesKeepPushOrder()
    {
        var work = Git.Folder("alice");
        await Git.CheckedAsync(work, "init", "--quiet");
        await Git.CheckedAsync(work, "remote", "add", "origin", GitHub.GitRemoteUrl(Org, Repo, GitHub.CreateUserToken("alice")).AbsoluteUri);
        _receiver.Hold();
        var shas = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            shas.Add(await Git.CommitFileAsync(work, "n.txt", $"{i}", $"attempt {i}"));
            await Git.CheckedAsync(work, "push", "--quiet", "origin", "main");
        }

        var answeredWhilePushing = GitHub.Deliveries.Count;
        _receiver.Release();
        await GitHub.WaitForWebhooksIdleAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, answeredWhilePushing);
        Assert.Equal(shas, _receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("after").GetString()));
        Assert.Equal([202, 202, 202], GitHub.Deliveries.Select(d => d.Status));
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task ShallowFetch_OfANonTipCommit_Works()
    {
        var first = await SeedAsync("one\n");
        var second = await SeedAsync("two\n");
        var tip = await SeedAsync("three\n");
        var work = Git.Folder("grader");
        await Git.CheckedAsync(work, "init", "--quiet");
        await Git.CheckedAsync(work, "remote", "add", "origin", GitHub.GitRemoteUrl(Org, Repo, GitHub.CreateInstallationToken(InstallationId)).AbsoluteUri);

        await Git.CheckedAsync(work, "fetch", "--quiet", "--depth", "1", "origin", second);
        await Git.CheckedAsync(work, "checkout", "--quiet", "--detach", "FETCH_HEAD");

        Assert.Equal(second, await Git.CheckedAsync(work, "rev-parse", "HEAD"));
        Assert.Equal("two", (await File.ReadAllTextAsync(Path.Combine(work, "main.py"))).Trim());
        Assert.Equal("1", await Git.CheckedAsync(work, "rev-list", "--count", "HEAD"));
        Assert.NotEqual(first, tip);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task Push_OfManyFiles_GoesThroughGzipAndChunkedBodies()
    {
        var work = await CloneAsync(GitHub.CreateUserToken("alice"));
        for (var i = 0; i < 300; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(work, $"f{i}.txt"), string.Concat(Enumerable.Repeat($"line {i} {Guid.NewGuid()}\n", 400)));
        }

        await Git.CheckedAsync(work, "add", "--all");
        await Git.CheckedAsync(work, "commit", "--quiet", "-m", "many");
        var sha = await Git.CheckedAsync(work, "rev-parse", "HEAD");

        await Git.CheckedAsync(work, "-c", "http.postBuffer=65536", "push", "--quiet", "origin", "HEAD:main");
        var fetched = Git.Folder("again");
        await Git.CheckedAsync(null, "clone", "--quiet", GitHub.GitRemoteUrl(Org, Repo, GitHub.CreateInstallationToken(InstallationId)).AbsoluteUri, fetched);

        Assert.Equal(sha, await Git.CheckedAsync(fetched, "rev-parse", "HEAD"));
        Assert.Equal(301, Directory.EnumerateFiles(fetched).Count());
    }

    [Fact]
    public async Task Fetch_WithLongNegotiation_SendsAGzipRequestBodyThatTheBackendInflates()
    {
        var work = await CloneAsync(GitHub.CreateInstallationToken(InstallationId));
        // Newer than anything on the server, so the negotiation walks them first and needs several
        // rounds; from the second round on the request is over 1 KiB and git gzips it.
        for (var i = 0; i < 60; i++)
        {
            var seconds = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds() + i;
            var date = new Dictionary<string, string> { ["GIT_COMMITTER_DATE"] = $"@{seconds} +0000" };
            var commit = await Git.RunAsync(work, date, "commit", "--quiet", "--allow-empty", "-m", $"local {i}");
            Assert.True(commit.ExitCode == 0, commit.Error);
        }

        var remote = await SeedAsync("new on the server\n");
        var trace = new Dictionary<string, string> { ["GIT_TRACE_CURL"] = "1", ["GIT_TRACE_CURL_NO_DATA"] = "1" };

        var fetch = await Git.RunAsync(work, trace, "fetch", "origin", "main");

        Assert.True(fetch.ExitCode == 0, fetch.Error);
        Assert.Contains("Content-Encoding: gzip", fetch.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(remote, await Git.CheckedAsync(work, "rev-parse", "FETCH_HEAD"));
    }

    private async Task<string> CloneAsync(string token)
    {
        await SeedAsync();

        var work = Git.Folder("work-" + Guid.NewGuid().ToString("N")[..6]);
        await Git.CheckedAsync(null, "clone", "--quiet", GitHub.GitRemoteUrl(Org, Repo, token).AbsoluteUri, work);
        return work;
    }
}
