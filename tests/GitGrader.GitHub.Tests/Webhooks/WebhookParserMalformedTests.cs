using System.Text;
using GitGrader.GitHub.Tests.Support;
using GitGrader.GitHub.Webhooks;

namespace GitGrader.GitHub.Tests.Webhooks;

/// <summary>Bodies that are not what their event promises give a <see cref="WebhookPayloadException"/> naming the event and the JSON path, and nothing else.</summary>
public sealed class WebhookParserMalformedTests
{
    private const string Repo = """{"id":1,"name":"hw1","owner":{"login":"alice"}}""";

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "push", "", "$" },
        { "push", "   ", "$" },
        { "push", "not json", "$" },
        { "push", "null", "$" },
        { "push", "[]", "$" },
        { "push", "\"a string\"", "$" },
        { "push", "42", "$" },
        { "push", "{", "$" },
        { "push", "{} trailing", "$" },
        { "push", """{"ref":"refs/heads/main","after":"abc",}""", "$" },
        { "push", "{}", "$.repository" },
        { "push", """{"ref":"refs/heads/main","after":"abc"}""", "$.repository" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":null}""", "$.repository" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":[]}""", "$.repository" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":"octo/hw1"}""", "$.repository" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":{"id":1,"name":"hw1"}}""", "$.repository.owner" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":{"id":1,"name":"hw1","owner":{}}}""", "$.repository.owner.login" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":{"id":1,"name":"hw1","owner":{"login":7}}}""", "$.repository.owner.login" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":{"id":1,"name":"hw1","owner":{"login":""}}}""", "$.repository.owner.login" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":{"id":"1","name":"hw1","owner":{"login":"a"}}}""", "$.repository.id" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":{"id":1e400,"name":"hw1","owner":{"login":"a"}}}""", "$.repository.id" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":{"id":123456789012345678901234567890,"name":"hw1","owner":{"login":"a"}}}""", "$.repository.id" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":{"id":1.5,"name":"hw1","owner":{"login":"a"}}}""", "$.repository.id" },
        { "push", """{"after":"abc","repository":@REPO}""", "$.ref" },
        { "push", """{"ref":["refs/heads/main"],"after":"abc","repository":@REPO}""", "$.ref" },
        { "push", """{"ref":"refs/heads/main","repository":@REPO}""", "$.after" },
        { "push", """{"ref":"refs/heads/main","after":"abc","deleted":"yes","repository":@REPO}""", "$.deleted" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":@REPO,"installation":{"id":"12"}}""", "$.installation.id" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":@REPO,"sender":[]}""", "$.sender" },
        { "pull_request", """{"action":"opened","number":"1","repository":@REPO,"pull_request":{"head":{"sha":"a","ref":"b"}}}""", "$.number" },
        { "pull_request", """{"action":"opened","number":4294967296,"repository":@REPO,"pull_request":{"head":{"sha":"a","ref":"b"}}}""", "$.number" },
        { "pull_request", """{"action":"opened","number":1,"repository":@REPO}""", "$.pull_request" },
        { "pull_request", """{"action":"opened","number":1,"repository":@REPO,"pull_request":{"head":null}}""", "$.pull_request.head" },
        { "pull_request", """{"action":"opened","number":1,"repository":@REPO,"pull_request":{"head":{"ref":"b"}}}""", "$.pull_request.head.sha" },
        { "pull_request", """{"number":1,"repository":@REPO,"pull_request":{"head":{"sha":"a","ref":"b"}}}""", "$.action" },
        { "check_run", """{"action":"created","repository":@REPO}""", "$.check_run" },
        { "check_run", """{"action":"created","repository":@REPO,"check_run":{"name":"n","head_sha":"a"}}""", "$.check_run.id" },
        { "check_run", """{"action":"created","repository":@REPO,"check_run":{"id":1,"name":"n","head_sha":"a","app":{"id":"x"}}}""", "$.check_run.app.id" },
        { "check_suite", """{"action":"requested","repository":@REPO,"check_suite":{"head_branch":"main"}}""", "$.check_suite.head_sha" },
        { "installation", """{"action":"created"}""", "$.installation" },
        { "installation", """{"action":"created","installation":{"id":1}}""", "$.installation.account" },
        { "installation", """{"action":"created","installation":{"account":{"login":"o"}}}""", "$.installation.id" },
        { "installation", """{"action":"created","installation":{"id":1,"account":{"login":"o"}},"repositories":[null]}""", "$.repositories[0]" },
        { "installation", """{"action":"created","installation":{"id":1,"account":{"login":"o"}},"repositories":[{"full_name":"o/a"},{"name":"b"}]}""", "$.repositories[1].full_name" },
        { "installation", """{"action":"created","installation":{"id":1,"account":{"login":"o"}},"repositories":{"full_name":"o/a"}}""", "$.repositories" },
        { "installation_repositories", """{"action":"added","installation":{"id":1,"account":{"login":"o"}},"repositories_added":{}}""", "$.repositories_added" },
        { "installation_repositories", """{"action":"added","installation":{"id":1,"account":{"login":"o"}},"repositories_removed":[1]}""", "$.repositories_removed[0]" },
        { "ping", "[1]", "$" },
        { "ping", """{"hook_id":"1"}""", "$.hook_id" },

        // Octokit.Webhooks' models type-check every member they model, not only those GitGrader reads.
        { "push", """{"ref":"refs/heads/main","after":"abc","forced":1e400,"repository":@REPO}""", "$.forced" },
        { "push", """{"ref":"refs/heads/main","after":"abc","commits":[{"id":"a","distinct":"yes"}],"repository":@REPO}""", "$.commits[0].distinct" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":{"id":1,"name":"hw1","owner":{"login":"a"},"size":1e400}}""", "$.repository.size" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":{"id":1,"name":"hw1","owner":{"login":"a"},"created_at":"soon"}}""", "$.repository.created_at" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":{"id":1,"name":"hw1","owner":{"login":"a"},"updated_at":99999999999999999}}""", "$.repository.updated_at" },
        { "push", """{"ref":"refs/heads/main","after":"abc","repository":{"id":1,"name":"hw1","owner":{"login":"a","type":7}}}""", "$.repository.owner.type" },

        // Events dispatched by action: the action is read first.
        { "pull_request", """{"action":5,"number":1,"repository":@REPO,"pull_request":{"head":{"sha":"a","ref":"b"}}}""", "$.action" },
        { "pull_request", """{"action":null,"number":1,"repository":@REPO,"pull_request":{"head":{"sha":"a","ref":"b"}}}""", "$.action" },
        { "check_run", """{"action":"","repository":@REPO,"check_run":{"id":1,"name":"n","head_sha":"a"}}""", "$.action" },
        { "check_suite", "[]", "$" },
        { "check_suite", """{"action":"requested","repository":@REPO,"check_suite":{"head_sha":"a"},}""", "$" },
        { "installation", """{"action":"created","installation":{"id":1,"account":{"login":"o"}},"repositories":[{"full_name":"o/a","private":"no"}]}""", "$.repositories[0].private" },
        { "installation_repositories", """{"action":"brand_new_action","installation":{"id":1,"account":{"login":"o"}},"repositories_added":[}""", "$" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_MalformedBody_ThrowsNamingEventAndPath(string eventName, string body, string path)
    {
        var bytes = Encoding.UTF8.GetBytes(body.Replace("@REPO", Repo, StringComparison.Ordinal));

        var ex = Assert.Throws<WebhookPayloadException>(() => WebhookParser.Parse(eventName, bytes));

        Assert.Contains(eventName, ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        var namedPath = ex.Message[(ex.Message.IndexOf('$', StringComparison.Ordinal))..].Split(' ', ':')[0];
        Assert.Equal(path, namedPath);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'r', (byte)'e', (byte)'f', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}' })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' })]
    [InlineData(new byte[] { 0 })]
    public void Parse_InvalidUtf8OrStrayBytes_ThrowsPayloadException(byte[] body)
    {
        Assert.Throws<WebhookPayloadException>(() => WebhookParser.Parse("push", body));
    }

    [Theory]
    [InlineData(65)]
    [InlineData(10_000)]
    public void Parse_DeepNesting_ThrowsPayloadException(int depth)
    {
        var body = "{\"x\":" + new string('[', depth) + new string(']', depth) + ",\"ref\":\"refs/heads/main\"}";

        var ex = Assert.Throws<WebhookPayloadException>(() => WebhookParser.Parse("push", Encoding.UTF8.GetBytes(body)));

        Assert.Contains("push", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyEventName_ThrowsPayloadException()
    {
        Assert.Throws<WebhookPayloadException>(() => WebhookParser.Parse("", "{}"u8));
    }

    [Theory]
    [InlineData("issues")]
    [InlineData("workflow_run")]
    [InlineData("PUSH")]
    public void Parse_UnroutedEvent_IsUnhandledWithoutReadingTheBody(string eventName)
    {
        var parsed = WebhookParser.Parse(eventName, "not even json"u8);

        Assert.Equal(eventName, Assert.IsType<UnhandledWebhook>(parsed).EventName);
    }

    [Fact]
    public void Parse_UnknownMembersAndHugeIrrelevantNumbers_AreIgnored()
    {
        // Members Octokit.Webhooks does not model, at the top (kept as raw JSON), in a commit and in the repository (skipped).
        const string Repository = """{"id":1,"name":"hw1","owner":{"login":"alice"},"x_stars":1e400}""";
        var body = """{"ref":"refs/tags/v1","after":"abc","deleted":true,"x_forced":1e400,"x":{"y":[123456789012345678901234567890]},"commits":[{"x":123456789012345678901234567890}],"repository":@REPO}""".Replace("@REPO", Repository, StringComparison.Ordinal);

        var parsed = Assert.IsType<PushWebhook>(WebhookParser.Parse("push", Encoding.UTF8.GetBytes(body)));

        Assert.True(parsed.Deleted);
        Assert.Null(parsed.Branch);
        Assert.Equal(new RepositoryRef("alice", "hw1"), parsed.Repository.Ref);
    }

    [Fact]
    public void Parse_MutatedExamples_OnlyEverThrowPayloadException()
    {
        var random = new Random(20240601);
        var mutations = 0;
        foreach (var (eventName, examples) in WebhookExamples.All.Where(e => e.Key is "push" or "pull_request" or "check_run" or "check_suite" or "installation" or "installation_repositories" or "ping"))
        {
            foreach (var example in examples)
            {
                var original = Encoding.UTF8.GetBytes(example);
                for (var i = 0; i < 40; i++)
                {
                    var body = Mutate(original, random);
                    mutations++;
                    try
                    {
                        WebhookParser.Parse(eventName, body);
                    }
                    catch (WebhookPayloadException)
                    {
                    }
                }
            }
        }

        Assert.True(mutations > 1000);
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var body = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0:
                return body[..random.Next(body.Length)];
            case 1:
                for (var i = 0; i < 1 + random.Next(8); i++)
                {
                    body[random.Next(body.Length)] = (byte)random.Next(256);
                }

                return body;
            case 2:
                {
                    var text = Encoding.UTF8.GetString(body);
                    var replacements = new[] { "null", "[]", "{}", "\"\"", "1e999", "-1", "true", "99999999999999999999" };
                    var at = text.IndexOf(':', random.Next(text.Length));
                    if (at < 0)
                    {
                        return body;
                    }

                    var end = text.IndexOfAny([',', '}'], at + 1);
                    return end < 0 ? body : Encoding.UTF8.GetBytes(text[..(at + 1)] + replacements[random.Next(replacements.Length)] + text[end..]);
                }

            default:
                {
                    var at = random.Next(body.Length);
                    return [.. body[..at], .. "\"\\ud800\""u8, .. body[at..]];
                }
        }
    }
}
