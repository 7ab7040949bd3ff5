using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GitGrader.GitHub.Webhooks;
using GitGrader.GitHubStandIn;

namespace GitGrader.AppTests.StandInTests;

/// <summary>Webhooks: signing, recording, redelivery, pull requests, re-run requests, failures.</summary>
public sealed class WebhookDeliveryTests : StandInTestBase
{
    private WebhookReceiver _receiver = null!;

    protected override StandInOptions Options => new() { WebhookTimeout = TimeSpan.FromSeconds(1) };

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
    public async Task SendWebhookAsync_ExamplePayload_IsSignedAndRecorded()
    {
        var payload = GitHub.ExamplePayload("ping");

        var delivery = await GitHub.SendWebhookAsync("ping", payload);

        Assert.Equal(202, delivery.Status);
        Assert.True(delivery.Succeeded);
        Assert.Null(delivery.Error);
        var received = Assert.Single(_receiver.Received);
        Assert.Equal("ping", received.Event);
        Assert.True(WebhookSignature.IsValid(received.Body, received.Headers["X-Hub-Signature-256"], GitHub.WebhookSecret));
        Assert.Equal(payload.ToJsonString(), Encoding.UTF8.GetString(received.Body));
        Assert.Same(delivery, Assert.Single(GitHub.Deliveries));
    }

    [Fact]
    public async Task RedeliverAsync_SendsTheSameIdAndBodyAgain()
    {
        var first = await GitHub.SendWebhookAsync("ping", GitHub.ExamplePayload("ping"));
        _receiver.Status = 200;

        var again = await GitHub.RedeliverAsync(first.Id);

        Assert.Equal((first.Id, 200, true), (again.Id, again.Status, again.IsRedelivery));
        Assert.Equal(first.Body.ToArray(), again.Body.ToArray());
        Assert.Equal(2, _receiver.Received.Count);
        Assert.Equal(_receiver.Received[0].Headers["X-GitHub-Delivery"], _receiver.Received[1].Headers["X-GitHub-Delivery"]);
        Assert.Equal(_receiver.Received[0].Headers["X-Hub-Signature-256"], _receiver.Received[1].Headers["X-Hub-Signature-256"]);
    }

    [Fact]
    public async Task Delivery_ReceiverDownOrSlowOrUnset_IsRecordedAsFailedAndNotThrown()
    {
        GitHub.WebhookUrl = new Uri($"http://127.0.0.1:{FreePort()}/webhooks/github");
        var refused = await GitHub.SendWebhookAsync("ping", GitHub.ExamplePayload("ping"));
        GitHub.WebhookUrl = _receiver.Url;
        _receiver.Delay = TimeSpan.FromSeconds(3);
        var slow = await GitHub.SendWebhookAsync("ping", GitHub.ExamplePayload("ping"));
        GitHub.WebhookUrl = null;
        var unset = await GitHub.SendWebhookAsync("ping", GitHub.ExamplePayload("ping"));

        Assert.Null(refused.Status);
        Assert.NotNull(refused.Error);
        Assert.Null(slow.Status);
        Assert.StartsWith("timed out", slow.Error, StringComparison.Ordinal);
        Assert.InRange(slow.ElapsedMilliseconds, 900, 2900);
        Assert.Equal("WebhookUrl is not set", unset.Error);
        Assert.Equal(3, GitHub.Deliveries.Count);
    }

    [Fact]
    public async Task OpenPullRequestAsync_SendsOpened_PushToItsHeadSendsSynchronize()
    {
        var main = await SeedAsync("v1\n");
        var feature = await SeedAsync("v2\n", branch: "feature");
        var work = Git.Folder("alice");
        await Git.CheckedAsync(null, "clone", "--quiet", "--branch", "feature", GitHub.GitRemoteUrl(Org, Repo, GitHub.CreateUserToken("alice")).AbsoluteUri, work);

        var number = await GitHub.OpenPullRequestAsync(Org, Repo, "feature", "main", authorLogin: "alice");
        var opened = Assert.IsType<PullRequestWebhook>(WebhookParser.Parse("pull_request", _receiver.Received[^1].Body));
        var next = await Git.CommitFileAsync(work, "main.py", "v3\n", "v3");
        await Git.CheckedAsync(work, "push", "--quiet", "origin", "feature");
        await GitHub.WaitForWebhooksIdleAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(("opened", number, feature, "feature"), (opened.Action, opened.Number, opened.HeadSha, opened.HeadRef));
        Assert.Equal((Org, Repo), (opened.Repository.Owner, opened.Repository.Name));
        Assert.Equal(["pull_request", "push", "pull_request"], GitHub.Deliveries.Select(d => d.Event));
        var synchronize = Assert.IsType<PullRequestWebhook>(WebhookParser.Parse("pull_request", GitHub.Deliveries[^1].Body.Span));
        Assert.Equal(("synchronize", next), (synchronize.Action, synchronize.HeadSha));
        Assert.Equal(feature, GitHub.Deliveries[^1].Payload()["before"]!.GetValue<string>());
        Assert.Equal(next, Assert.Single(GitHub.PullRequests).HeadSha);
        Assert.NotEqual(main, feature);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task RerequestCheckRunAsync_SendsCheckRunRerequestedForTheRun()
    {
        var sha = await SeedAsync();
        var created = await Api.PostAsync($"repos/{Org}/{Repo}/check-runs", TokenAuth, CheckRun(sha));
        var id = created.Body!["id"]!.GetValue<long>();

        var delivery = await GitHub.RerequestCheckRunAsync(id, requestedBy: "alice");

        var parsed = Assert.IsType<CheckRunWebhook>(WebhookParser.Parse("check_run", delivery.Body.Span));
        Assert.Equal(("rerequested", id, sha, "hw1", "job-1"), (parsed.Action, parsed.CheckRunId, parsed.HeadSha, parsed.Name, parsed.ExternalId));
        Assert.Equal(GitHub.AppId, parsed.AppId);
        Assert.Equal("main", parsed.HeadBranch);
        Assert.Equal(InstallationId, delivery.Payload()["installation"]!["id"]!.GetValue<long>());
        Assert.Equal("alice", delivery.Payload()["sender"]!["login"]!.GetValue<string>());
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task PostRawWebhookAsync_SendsExactlyWhatItIsGiven_AndRecordsNothing()
    {
        var headers = new Dictionary<string, string> { ["X-GitHub-Event"] = "push", ["X-Hub-Signature-256"] = "sha256=forged" };

        var status = await GitHub.PostRawWebhookAsync("{}"u8.ToArray(), headers);

        Assert.Equal(202, status);
        var received = Assert.Single(_receiver.Received);
        Assert.Equal("sha256=forged", received.Headers["X-Hub-Signature-256"]);
        Assert.False(received.Headers.ContainsKey("X-GitHub-Delivery"));
        Assert.Empty(GitHub.Deliveries);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
