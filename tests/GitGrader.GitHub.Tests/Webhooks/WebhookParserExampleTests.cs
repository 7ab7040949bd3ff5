using System.Text.Json;
using GitGrader.GitHub.Tests.Support;
using GitGrader.GitHub.Webhooks;

namespace GitGrader.GitHub.Tests.Webhooks;

/// <summary>
/// Every example of the routed events in npm <c>@octokit/webhooks-examples</c> parses, and each field equals the value
/// read from the same JSON with <see cref="JsonDocument"/>.
/// </summary>
public sealed class WebhookParserExampleTests
{
    public static TheoryData<int> PushExamples => WebhookExamples.Indexes("push");

    public static TheoryData<int> PullRequestExamples => WebhookExamples.Indexes("pull_request");

    public static TheoryData<int> CheckRunExamples => WebhookExamples.Indexes("check_run");

    public static TheoryData<int> CheckSuiteExamples => WebhookExamples.Indexes("check_suite");

    public static TheoryData<int> InstallationExamples => WebhookExamples.Indexes("installation");

    public static TheoryData<int> InstallationRepositoriesExamples => WebhookExamples.Indexes("installation_repositories");

    public static TheoryData<int> PingExamples => WebhookExamples.Indexes("ping");

    [Fact]
    public void Examples_AreInstalled_AndCoverEveryRoutedEvent()
    {
        Assert.True(File.Exists(WebhookExamples.IndexPath), $"Missing {WebhookExamples.IndexPath}: run `npm ci --prefix tests/npm`.");
        foreach (var name in new[] { "push", "pull_request", "check_run", "check_suite", "installation", "installation_repositories", "ping" })
        {
            Assert.NotEmpty(WebhookExamples.Of(name));
        }
    }

    [Theory]
    [MemberData(nameof(PushExamples))]
    public void Parse_PushExample_FieldsMatchJson(int index)
    {
        var (parsed, root) = Parse<PushWebhook>("push", index);

        Assert.Equal("push", parsed.EventName);
        Assert.Equal(Json.String(root, "ref"), parsed.Ref);
        Assert.Equal(Json.String(root, "after"), parsed.After);
        Assert.Equal(Json.Bool(root, "deleted") ?? false, parsed.Deleted);
        var @ref = Json.String(root, "ref")!;
        Assert.Equal(@ref.StartsWith("refs/heads/", StringComparison.Ordinal) ? @ref["refs/heads/".Length..] : null, parsed.Branch);
        AssertRepository(root, parsed.Repository);
        AssertCommon(root, parsed);
    }

    [Theory]
    [MemberData(nameof(PullRequestExamples))]
    public void Parse_PullRequestExample_FieldsMatchJson(int index)
    {
        var (parsed, root) = Parse<PullRequestWebhook>("pull_request", index);

        Assert.Equal(Json.String(root, "action"), parsed.Action);
        Assert.Equal(Json.Long(root, "number"), parsed.Number);
        Assert.Equal(Json.Long(root, "pull_request.number"), parsed.Number);
        Assert.Equal(Json.String(root, "pull_request.head.sha"), parsed.HeadSha);
        Assert.Equal(Json.String(root, "pull_request.head.ref"), parsed.HeadRef);
        AssertRepository(root, parsed.Repository);
        AssertCommon(root, parsed);
    }

    [Theory]
    [MemberData(nameof(CheckRunExamples))]
    public void Parse_CheckRunExample_FieldsMatchJson(int index)
    {
        var (parsed, root) = Parse<CheckRunWebhook>("check_run", index);

        Assert.Equal(Json.String(root, "action"), parsed.Action);
        Assert.Equal(Json.Long(root, "check_run.id"), parsed.CheckRunId);
        Assert.Equal(Json.String(root, "check_run.name"), parsed.Name);
        Assert.Equal(Json.String(root, "check_run.head_sha"), parsed.HeadSha);
        Assert.Equal(Json.String(root, "check_run.external_id"), parsed.ExternalId);
        Assert.Equal(Json.Long(root, "check_run.app.id"), parsed.AppId);
        Assert.Equal(Json.String(root, "check_run.check_suite.head_branch"), parsed.HeadBranch);
        AssertRepository(root, parsed.Repository);
        AssertCommon(root, parsed);
    }

    [Theory]
    [MemberData(nameof(CheckSuiteExamples))]
    public void Parse_CheckSuiteExample_FieldsMatchJson(int index)
    {
        var (parsed, root) = Parse<CheckSuiteWebhook>("check_suite", index);

        Assert.Equal(Json.String(root, "action"), parsed.Action);
        Assert.Equal(Json.String(root, "check_suite.head_sha"), parsed.HeadSha);
        Assert.Equal(Json.String(root, "check_suite.head_branch"), parsed.HeadBranch);
        Assert.Equal(Json.Long(root, "check_suite.app.id"), parsed.AppId);
        AssertRepository(root, parsed.Repository);
        AssertCommon(root, parsed);
    }

    [Theory]
    [MemberData(nameof(InstallationExamples))]
    public void Parse_InstallationExample_FieldsMatchJson(int index)
    {
        var (parsed, root) = Parse<InstallationWebhook>("installation", index);

        Assert.Equal(Json.String(root, "action"), parsed.Action);
        Assert.Equal(Json.String(root, "installation.account.login"), parsed.AccountLogin);
        Assert.Equal(Json.FullNames(root, "repositories"), parsed.Repositories);
        Assert.NotNull(parsed.InstallationId);
        AssertCommon(root, parsed);
    }

    [Theory]
    [MemberData(nameof(InstallationRepositoriesExamples))]
    public void Parse_InstallationRepositoriesExample_FieldsMatchJson(int index)
    {
        var (parsed, root) = Parse<InstallationRepositoriesWebhook>("installation_repositories", index);

        Assert.Equal(Json.String(root, "action"), parsed.Action);
        Assert.Equal(Json.String(root, "installation.account.login"), parsed.AccountLogin);
        Assert.Equal(Json.FullNames(root, "repositories_added"), parsed.Added);
        Assert.Equal(Json.FullNames(root, "repositories_removed"), parsed.Removed);
        Assert.NotNull(parsed.InstallationId);
        AssertCommon(root, parsed);
    }

    [Theory]
    [MemberData(nameof(PingExamples))]
    public void Parse_PingExample_FieldsMatchJson(int index)
    {
        var (parsed, root) = Parse<PingWebhook>("ping", index);

        Assert.Equal(Json.String(root, "zen"), parsed.Zen);
        Assert.Equal(Json.Long(root, "hook_id"), parsed.HookId);
        AssertCommon(root, parsed);
    }

    [Fact]
    public void Parse_PingExampleWithoutAMemberOctokitRequires_Parses()
    {
        // Octokit.Webhooks marks ping's hook.deliveries_url required; an older real example has none, and the library alone refuses it.
        var older = Enumerable.Range(0, WebhookExamples.Of("ping").Count)
            .Where(i => Json.At(Root("ping", i), "hook") is { } hook && !hook.TryGetProperty("deliveries_url", out _))
            .ToList();
        Assert.NotEmpty(older);

        foreach (var index in older)
        {
            var (parsed, root) = Parse<PingWebhook>("ping", index);
            Assert.Equal(Json.Long(root, "hook_id"), parsed.HookId);
        }
    }

    private static JsonElement Root(string eventName, int index)
    {
        using var document = JsonDocument.Parse(WebhookExamples.Body(eventName, index));
        return document.RootElement.Clone();
    }

    private static (T Parsed, JsonElement Root) Parse<T>(string eventName, int index)
        where T : Webhook
    {
        var body = WebhookExamples.Body(eventName, index);
        var parsed = Assert.IsType<T>(WebhookParser.Parse(eventName, body));
        using var document = JsonDocument.Parse(body);
        return (parsed, document.RootElement.Clone());
    }

    private static void AssertRepository(JsonElement root, WebhookRepository repository)
    {
        Assert.Equal(Json.Long(root, "repository.id"), repository.Id);
        Assert.Equal(Json.String(root, "repository.owner.login"), repository.Owner);
        Assert.Equal(Json.String(root, "repository.name"), repository.Name);
        Assert.Equal(Json.String(root, "repository.clone_url"), repository.CloneUrl);
        Assert.Equal(Json.String(root, "repository.default_branch"), repository.DefaultBranch);
        Assert.Equal(Json.String(root, "repository.full_name"), repository.Ref.FullName);
    }

    private static void AssertCommon(JsonElement root, Webhook parsed)
    {
        Assert.Equal(Json.Long(root, "installation.id"), parsed.InstallationId);
        Assert.Equal(Json.String(root, "sender.login"), parsed.SenderLogin);
    }
}
