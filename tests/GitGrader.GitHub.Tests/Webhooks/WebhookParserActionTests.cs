using System.Text;
using GitGrader.GitHub.Webhooks;

namespace GitGrader.GitHub.Tests.Webhooks;

/// <summary>
/// Events Octokit.Webhooks dispatches by <c>action</c>: every action it models is read into GitGrader's record, and
/// an action it does not model (GitHub adds them) is an <see cref="UnhandledWebhook"/> naming it, not a refusal.
/// </summary>
public sealed class WebhookParserActionTests
{
    private const string Repo = """{"id":1,"name":"hw1","owner":{"login":"alice"}}""";

    private static readonly Dictionary<string, string> Minimal = new(StringComparer.Ordinal)
    {
        ["pull_request"] = """{"action":"@ACTION","number":7,"repository":@REPO,"pull_request":{"head":{"sha":"abc","ref":"main"}}}""",
        ["check_run"] = """{"action":"@ACTION","repository":@REPO,"check_run":{"id":5,"name":"n","head_sha":"abc"}}""",
        ["check_suite"] = """{"action":"@ACTION","repository":@REPO,"check_suite":{"head_sha":"abc"}}""",
        ["installation"] = """{"action":"@ACTION","installation":{"id":9,"account":{"login":"octo-org"}}}""",
        ["installation_repositories"] = """{"action":"@ACTION","installation":{"id":9,"account":{"login":"octo-org"}}}""",
    };

    public static TheoryData<string, string> ModelledActions
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (eventName, actions) in new[]
            {
                ("pull_request", OctokitActions.PullRequest),
                ("check_run", OctokitActions.CheckRun),
                ("check_suite", OctokitActions.CheckSuite),
                ("installation", OctokitActions.Installation),
                ("installation_repositories", OctokitActions.InstallationRepositories),
            })
            {
                foreach (var action in actions.Order(StringComparer.Ordinal))
                {
                    data.Add(eventName, action);
                }
            }

            return data;
        }
    }

    [Fact]
    public void ModelledActions_IncludeEveryActionGitGraderActsOn()
    {
        Assert.Subset(OctokitActions.PullRequest.ToHashSet(), new HashSet<string> { "opened", "synchronize", "reopened", "closed" });
        Assert.Contains("rerequested", (IReadOnlySet<string>)OctokitActions.CheckRun);
        Assert.Contains("rerequested", (IReadOnlySet<string>)OctokitActions.CheckSuite);
        Assert.Contains("created", (IReadOnlySet<string>)OctokitActions.Installation);
        Assert.Contains("added", (IReadOnlySet<string>)OctokitActions.InstallationRepositories);
    }

    [Theory]
    [MemberData(nameof(ModelledActions))]
    public void Parse_ActionOctokitModels_IsReadWithThatAction(string eventName, string action)
    {
        var parsed = WebhookParser.Parse(eventName, Body(eventName, action));

        Assert.IsNotType<UnhandledWebhook>(parsed);
        Assert.Equal(eventName, parsed.EventName);
        Assert.Equal(action, parsed switch
        {
            PullRequestWebhook pull => pull.Action,
            CheckRunWebhook run => run.Action,
            CheckSuiteWebhook suite => suite.Action,
            InstallationWebhook installation => installation.Action,
            InstallationRepositoriesWebhook repositories => repositories.Action,
            _ => null,
        });
    }

    [Theory]
    [InlineData("pull_request")]
    [InlineData("check_run")]
    [InlineData("check_suite")]
    [InlineData("installation")]
    [InlineData("installation_repositories")]
    public void Parse_ActionOctokitDoesNotModel_IsUnhandledNamingTheAction(string eventName)
    {
        var parsed = WebhookParser.Parse(eventName, Body(eventName, "added_by_github_next_year"));

        var unhandled = Assert.IsType<UnhandledWebhook>(parsed);
        Assert.Equal(eventName, unhandled.EventName);
        Assert.Equal("added_by_github_next_year", unhandled.Action);
    }

    [Fact]
    public void Parse_ActionOctokitDoesNotModel_BodyIsNotReadBeyondJson()
    {
        var parsed = WebhookParser.Parse("pull_request", """{"action":"added_by_github_next_year","number":"not a number","pull_request":[]}"""u8);

        Assert.Equal("added_by_github_next_year", Assert.IsType<UnhandledWebhook>(parsed).Action);
    }

    [Theory]
    [InlineData("""{"action":"added_by_github_next_year","x":[}""")]
    [InlineData("""{"action":"added_by_github_next_year"} {}""")]
    [InlineData("""{"action":"added_by_github_next_year","x":""")]
    public void Parse_ActionOctokitDoesNotModel_MalformedJson_Throws(string body)
    {
        var ex = Assert.Throws<WebhookPayloadException>(() => WebhookParser.Parse("pull_request", Encoding.UTF8.GetBytes(body)));

        Assert.Contains("pull_request", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ActionOctokitDoesNotModel_NestedDeeperThan64_Throws()
    {
        var body = """{"action":"added_by_github_next_year","x":""" + new string('[', 65) + new string(']', 65) + "}";

        Assert.Throws<WebhookPayloadException>(() => WebhookParser.Parse("check_run", Encoding.UTF8.GetBytes(body)));
    }

    private static byte[] Body(string eventName, string action) =>
        Encoding.UTF8.GetBytes(Minimal[eventName].Replace("@REPO", Repo, StringComparison.Ordinal).Replace("@ACTION", action, StringComparison.Ordinal));
}
