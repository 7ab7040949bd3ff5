using System.Text;
using System.Text.Json.Nodes;
using GitGrader.AppTests.Support;
using GitGrader.GitHub.Webhooks;
using GitGrader.Ingest;
using GitGrader.Storage;

namespace GitGrader.AppTests.Units;

/// <summary>
/// A real <see cref="DeliveryRouter"/> (real SQLite store, the real assignment templates, an
/// <see cref="AppIdentity"/> over the real GitHub client: <see cref="IngestHarness"/>) fed the real example payloads of
/// <c>@octokit/webhooks-examples</c>, parsed by <see cref="WebhookParser"/>, pointed at a course repository.
/// </summary>
public sealed class DeliveryRouterTests : IAsyncLifetime
{
    private const string Org = CourseFolder.Organization;
    private const string Slug = CourseFolder.Slug;
    private const string StudentRepo = Slug + "-alice";
    private const long AppId = IngestHarness.AppId;
    private const long Installation = 9001;
    private const string BotLogin = "gitgrader-test[bot]";

    /// <summary>When the delivery arrived: years after every example's commit timestamps.</summary>
    private static readonly DateTimeOffset ReceivedAt = new(2031, 2, 3, 4, 5, 6, 789, TimeSpan.Zero);

    private IngestHarness _harness = null!;

    private IGradingStore Store => _harness.Store;

    public async Task InitializeAsync() => _harness = await IngestHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RouteAsync_PushToAStudentRepository_MapsToASubmissionReceivedWhenDelivered()
    {
        var payload = BranchPush("main");
        var after = WebhookExamples.Text(payload, "after")!;
        var committedAt = DateTimeOffset.Parse(WebhookExamples.Text(payload["head_commit"], "timestamp")!, System.Globalization.CultureInfo.InvariantCulture);

        var decision = await RouteAsync(Router(), "push", payload);

        Assert.True(decision.QueuesWork, decision.Reason);
        Assert.Null(decision.ExistingJob);
        Assert.True(decision.SupersedesOlder);
        var submission = Assert.IsType<NewSubmission>(decision.Submission);
        Assert.Equal(Slug, submission.Assignment);
        Assert.Equal("alice", submission.Student);
        Assert.Equal($"{Org}/{StudentRepo}", submission.Repository);
        Assert.Equal("main", submission.Branch);
        Assert.Equal(after, submission.Sha);
        Assert.Equal(Installation, submission.InstallationId);
        Assert.Equal(ReceivedAt, submission.ReceivedAt);
        Assert.NotEqual(committedAt, submission.ReceivedAt);

        // And the store keeps that time, not the commit's.
        var outcome = await IngestAsync("push", decision);
        Assert.NotNull(outcome.JobId);
        var stored = await Store.FindSubmissionAsync(submission.Repository, after, Slug, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(ReceivedAt, stored.ReceivedAt);
    }

    [Fact]
    public async Task RouteAsync_MixedCaseHyphenatedLogin_IsKeptAsTheRepositoryNameSpellsIt()
    {
        var payload = BranchPush("main").At(Org, Slug + "-Bob-Smith", Installation);

        var decision = await RouteAsync(Router(), "push", payload);

        Assert.Equal("Bob-Smith", decision.Submission?.Student);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task RouteAsync_BranchDeletion_IsIgnored(bool deleted, bool zeroAfter)
    {
        var payload = BranchPush("main");
        payload["deleted"] = deleted;
        if (zeroAfter)
        {
            payload["after"] = new string('0', 40);
            payload["head_commit"] = null;
        }

        var decision = await RouteAsync(Router(), "push", payload);

        AssertIgnored(decision, "deleted");
    }

    [Fact]
    public async Task RouteAsync_TagPush_IsIgnored()
    {
        var payload = WebhookExamples.First("push", e => WebhookExamples.Text(e, "ref")!.StartsWith("refs/tags/", StringComparison.Ordinal) && e["deleted"]!.GetValue<bool>() == false)
            .At(Org, StudentRepo, Installation);

        var decision = await RouteAsync(Router(), "push", payload);

        AssertIgnored(decision, "refs/tags/");
    }

    [Theory]
    [InlineData(BotLogin)]
    [InlineData("GitGrader-Test[bot]")]
    public async Task RouteAsync_PushByTheAppItself_IsIgnored(string sender)
    {
        var payload = BranchPush("main");
        payload["sender"]!["login"] = sender;

        var decision = await RouteAsync(Router(), "push", payload);

        AssertIgnored(decision, "GitGrader itself");
    }

    [Fact]
    public async Task RouteAsync_PushByAnotherBot_IsGraded()
    {
        var payload = BranchPush("main");
        payload["sender"]!["login"] = "dependabot[bot]";

        var decision = await RouteAsync(Router(), "push", payload);

        Assert.NotNull(decision.Submission);
    }

    [Theory]
    [InlineData("another-course", StudentRepo)]
    [InlineData(Org, "instructors")]
    [InlineData(Org, "no-such-assignment-alice")]
    [InlineData(Org, Slug)]
    public async Task RouteAsync_PushToARepositoryOutsideTheCourse_IsIgnored(string owner, string name)
    {
        var payload = BranchPush("main").At(owner, name, Installation);

        var decision = await RouteAsync(Router(), "push", payload);

        AssertIgnored(decision, "not a student repository");
        Assert.Null((await IngestAsync("push", decision)).JobId);
    }

    [Fact]
    public async Task RouteAsync_PushWithoutAnInstallation_IsIgnored()
    {
        var payload = BranchPush("main").At(Org, StudentRepo, installationId: null);

        var decision = await RouteAsync(Router(), "push", payload);

        Assert.False(decision.QueuesWork, decision.Reason);
    }

    [Theory]
    [InlineData("opened")]
    [InlineData("synchronize")]
    [InlineData("reopened")]
    public async Task RouteAsync_PullRequestOnANewCommit_MapsToASubmissionOfItsHead(string action)
    {
        var payload = PullRequest(action);
        var head = payload["pull_request"]!["head"]!;

        var decision = await RouteAsync(Router(), "pull_request", payload);

        var submission = Assert.IsType<NewSubmission>(decision.Submission);
        Assert.False(decision.SupersedesOlder);
        Assert.Equal(WebhookExamples.Text(head, "sha"), submission.Sha);
        Assert.Equal(WebhookExamples.Text(head, "ref"), submission.Branch);
        Assert.Equal(("alice", Installation, ReceivedAt), (submission.Student, submission.InstallationId, submission.ReceivedAt));
    }

    [Fact]
    public async Task RouteAsync_PullRequestClosed_IsIgnored()
    {
        var closed = WebhookExamples.All("pull_request", e => WebhookExamples.Text(e, "action") == "closed");
        Assert.True(closed.Count >= 2);
        foreach (var payload in closed)
        {
            var decision = await RouteAsync(Router(), "pull_request", payload.At(Org, StudentRepo, Installation));

            AssertIgnored(decision, "closed");
        }
    }

    [Theory]
    [InlineData("pull_request")]
    [InlineData("check_run")]
    [InlineData("check_suite")]
    public async Task RouteAsync_ActionOctokitWebhooksDoesNotModel_IsIgnoredNotRefused(string eventName)
    {
        var payload = WebhookExamples.First(eventName, e => e["installation"] is not null && e["repository"] is not null).At(Org, StudentRepo, Installation);
        payload["action"] = "added_by_github_next_year";

        var decision = await RouteAsync(Router(), eventName, payload);

        AssertIgnored(decision, $"{eventName} action 'added_by_github_next_year' is not used");
        Assert.Null((await IngestAsync(eventName, decision)).JobId);
    }

    [Fact]
    public async Task RouteAsync_PullRequestOnAnAlreadyRecordedCommit_QueuesAReportJobNotASecondGrade()
    {
        var router = Router();
        var pull = PullRequest("opened");
        var sha = WebhookExamples.Text(pull["pull_request"]!["head"], "sha")!;
        var push = BranchPush("main");
        push["after"] = sha;
        var pushed = await IngestAsync("push", await RouteAsync(router, "push", push));
        Assert.NotNull(pushed.JobId);

        var decision = await RouteAsync(router, "pull_request", pull);

        Assert.Null(decision.Submission);
        Assert.Equal(new ExistingSubmissionJob($"{Org}/{StudentRepo}", sha, Slug, JobKind.Report), decision.ExistingJob);
        var reported = await IngestAsync("pull_request", decision);
        Assert.Equal(pushed.SubmissionId, reported.SubmissionId);
        Assert.NotNull(reported.JobId);
        Assert.NotEqual(pushed.JobId, reported.JobId);
    }

    [Theory]
    [InlineData("check_run")]
    [InlineData("check_suite")]
    public async Task RouteAsync_RerunRequestedOnOurCheck_QueuesAGradeJob(string eventName)
    {
        var payload = WebhookExamples.WithAction(eventName, "rerequested").At(Org, StudentRepo, Installation);
        payload[eventName]!["app"]!["id"] = AppId;
        var sha = WebhookExamples.Text(payload[eventName], "head_sha")!;

        var decision = await RouteAsync(Router(), eventName, payload);

        Assert.Null(decision.Submission);
        Assert.Equal(new ExistingSubmissionJob($"{Org}/{StudentRepo}", sha, Slug, JobKind.Grade), decision.ExistingJob);
    }

    [Theory]
    [InlineData("check_run")]
    [InlineData("check_suite")]
    public async Task RouteAsync_RerunRequestedOnAnotherAppsCheck_IsIgnored(string eventName)
    {
        var payload = WebhookExamples.WithAction(eventName, "rerequested").At(Org, StudentRepo, Installation);
        Assert.NotEqual(AppId, payload[eventName]!["app"]!["id"]!.GetValue<long>());

        var decision = await RouteAsync(Router(), eventName, payload);

        AssertIgnored(decision, "another App");
    }

    [Theory]
    [InlineData("check_run", "created")]
    [InlineData("check_run", "completed")]
    [InlineData("check_run", "requested_action")]
    [InlineData("check_suite", "requested")]
    [InlineData("check_suite", "completed")]
    public async Task RouteAsync_CheckEventsOtherThanRerun_AreIgnored(string eventName, string action)
    {
        var payload = WebhookExamples.WithAction(eventName, action).At(Org, StudentRepo, Installation);
        payload[eventName]!["app"]!["id"] = AppId;

        var decision = await RouteAsync(Router(), eventName, payload);

        AssertIgnored(decision, "not a re-run");
    }

    [Fact]
    public async Task RouteAsync_InstallationAndPing_AreIgnored()
    {
        var router = Router();
        var deliveries = WebhookExamples.All("installation").Select(p => ("installation", p))
            .Concat(WebhookExamples.All("ping").Select(p => ("ping", p)))
            .ToList();
        Assert.True(deliveries.Count >= 10);

        foreach (var (eventName, payload) in deliveries)
        {
            var decision = await RouteAsync(router, eventName, payload);

            Assert.False(decision.QueuesWork, $"{eventName} {WebhookExamples.Text(payload, "action")}: {decision.Reason}");
            Assert.StartsWith("ignored: ", decision.Reason, StringComparison.Ordinal);
            Assert.Null((await IngestAsync(eventName, decision)).JobId);
        }
    }

    [Fact]
    public async Task RouteAsync_BranchesFilter_GradesPushesToListedBranchesOnly()
    {
        var router = Router(branches: ["main"]);

        var onMain = await RouteAsync(router, "push", BranchPush("main"));
        var onOther = await RouteAsync(router, "push", BranchPush("experiment"));
        var unfiltered = await RouteAsync(Router(), "push", BranchPush("experiment"));

        Assert.Equal("main", onMain.Submission?.Branch);
        AssertIgnored(onOther, "branch 'experiment' is not graded");
        Assert.Equal("experiment", unfiltered.Submission?.Branch);
    }

    [Fact]
    public async Task RouteAsync_BranchesFilter_AppliesToThePullRequestsHeadBranch()
    {
        var router = Router(branches: ["main"]);
        var fromOther = PullRequest("opened");
        fromOther["pull_request"]!["head"]!["ref"] = "experiment";
        var fromMain = PullRequest("synchronize");
        fromMain["pull_request"]!["head"]!["ref"] = "main";

        var other = await RouteAsync(router, "pull_request", fromOther);
        var main = await RouteAsync(router, "pull_request", fromMain);

        AssertIgnored(other, "branch 'experiment' is not graded");
        Assert.Equal("main", main.Submission?.Branch);
    }

    private DeliveryRouter Router(IList<string>? branches = null) => _harness.Router(branches);

    /// <summary>The example push to a branch (with an installation), to <paramref name="branch"/> of alice's repository.</summary>
    private static JsonObject BranchPush(string branch)
    {
        var payload = WebhookExamples.First("push", e => WebhookExamples.Text(e, "ref")!.StartsWith("refs/heads/", StringComparison.Ordinal) && e["installation"] is not null)
            .At(Org, StudentRepo, Installation);
        payload["ref"] = "refs/heads/" + branch;
        return payload;
    }

    private static JsonObject PullRequest(string action) =>
        WebhookExamples.First("pull_request", e => WebhookExamples.Text(e, "action") == action && e["installation"] is not null).At(Org, StudentRepo, Installation);

    private static Task<RouteDecision> RouteAsync(DeliveryRouter router, string eventName, JsonObject payload) =>
        router.RouteAsync(WebhookParser.Parse(eventName, Encoding.UTF8.GetBytes(payload.ToJsonString())), ReceivedAt, CancellationToken.None);

    private Task<IngestOutcome> IngestAsync(string eventName, RouteDecision decision) => Store.IngestAsync(
        new IngestRequest
        {
            Delivery = new IncomingDelivery(Guid.NewGuid().ToString(), eventName, ReceivedAt),
            Submission = decision.Submission,
            SupersedesOlder = decision.SupersedesOlder,
            ExistingSubmissionJob = decision.ExistingJob,
        },
        CancellationToken.None);

    private static void AssertIgnored(RouteDecision decision, string reason)
    {
        Assert.False(decision.QueuesWork, $"expected to be ignored ({reason}), but: {decision}");
        Assert.Null(decision.Submission);
        Assert.Null(decision.ExistingJob);
        Assert.StartsWith("ignored: ", decision.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
    }
}
