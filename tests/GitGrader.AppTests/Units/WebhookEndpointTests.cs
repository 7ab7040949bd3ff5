using System.Text;
using GitGrader.GitHub.Tests.Support;
using GitGrader.GitHub.Webhooks;
using GitGrader.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitGrader.AppTests.Units;

/// <summary>
/// <see cref="WebhookEndpoint"/> over a real store (<see cref="IngestHarness"/>) with two webhook secrets configured, as
/// during a rotation: which secret signed a delivery, what is recorded, and what reaches the log.
/// </summary>
public sealed class WebhookEndpointTests : IAsyncLifetime
{
    private const string PreviousSecret = "the-secret-being-retired";

    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("""{"zen":"Mind your words, they are important.","hook_id":1}""");

    private readonly CapturedLogs _logs = new();
    private readonly ILoggerFactory _loggers;
    private IngestHarness _harness = null!;
    private WebhookEndpoint _endpoint = null!;

    public WebhookEndpointTests() => _loggers = LoggerFactory.Create(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));

    public async Task InitializeAsync()
    {
        _harness = await IngestHarness.CreateAsync(previousWebhookSecret: PreviousSecret);
        _endpoint = new WebhookEndpoint(
            _harness.Store,
            _harness.Router(),
            new WorkSignal(),
            TimeProvider.System,
            _harness.GitHubOptions,
            Options.Create(new WebhookOptions()),
            _loggers.CreateLogger<WebhookEndpoint>());
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        _loggers.Dispose();
    }

    [Theory]
    [InlineData(IngestHarness.WebhookSecret, "current (GitHub:WebhookSecret)")]
    [InlineData(PreviousSecret, "previous (GitHub:PreviousWebhookSecret)")]
    public async Task HandleAsync_SignedWithEitherSecret_IsAcceptedAndTheSecretThatMatchedIsLoggedAtDebug(string secret, string named)
    {
        var delivery = Guid.NewGuid().ToString();

        var (status, answer) = await PostAsync("ping", delivery, Ping, WebhookSignature.Sign(Ping, secret));

        Assert.Equal((202, "ignored"), (status, answer.Status));
        var line = Assert.Single(_logs.Lines, l => l.Contains(delivery, StringComparison.Ordinal) && l.Contains("webhook secret", StringComparison.Ordinal));
        Assert.StartsWith("Debug ", line, StringComparison.Ordinal);
        Assert.Contains($"signed with the {named} webhook secret", line, StringComparison.Ordinal);
        AssertNoSecretLogged();
    }

    [Theory]
    [InlineData("another-secret")]
    [InlineData(null)]
    public async Task HandleAsync_SignedWithNeitherSecret_Is401AndRecordsNothing(string? secret)
    {
        var delivery = Guid.NewGuid().ToString();

        var (status, answer) = await PostAsync("ping", delivery, Ping, secret is null ? null : WebhookSignature.Sign(Ping, secret));

        Assert.Equal((401, "rejected"), (status, answer.Status));
        Assert.Contains("X-Hub-Signature-256", answer.Message, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains(delivery, StringComparison.Ordinal));
        AssertNoSecretLogged();

        // Not recorded: the genuine delivery with that id is accepted, then a duplicate.
        Assert.Equal(202, (await PostAsync("ping", delivery, Ping, WebhookSignature.Sign(Ping, PreviousSecret))).Status);
        var again = await PostAsync("ping", delivery, Ping, WebhookSignature.Sign(Ping, IngestHarness.WebhookSecret));
        Assert.Equal((200, "duplicate"), (again.Status, again.Answer.Status));
    }

    [Fact]
    public async Task HandleAsync_SignedBodyThatIsNotThePayloadItsEventPromises_Is400NamingThePath()
    {
        var body = Encoding.UTF8.GetBytes("""{"ref":"refs/heads/main","after":"abc","repository":{"id":1,"name":"hw1","owner":{"login":7}}}""");

        var (status, answer) = await PostAsync("push", Guid.NewGuid().ToString(), body, WebhookSignature.Sign(body, PreviousSecret));

        Assert.Equal((400, "rejected"), (status, answer.Status));
        Assert.Contains("$.repository.owner.login", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ActionOctokitWebhooksDoesNotModel_IsAcceptedAndIgnored()
    {
        var body = Encoding.UTF8.GetBytes("""{"action":"added_by_github_next_year","number":1}""");

        var (status, answer) = await PostAsync("pull_request", Guid.NewGuid().ToString(), body, WebhookSignature.Sign(body, IngestHarness.WebhookSecret));

        Assert.Equal((202, "ignored"), (status, answer.Status));
        Assert.Contains("pull_request action 'added_by_github_next_year' is not used", answer.Message, StringComparison.Ordinal);
    }

    private async Task<(int Status, WebhookAnswer Answer)> PostAsync(string eventName, string delivery, byte[] body, string? signature)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        context.Request.Headers["X-GitHub-Event"] = eventName;
        context.Request.Headers["X-GitHub-Delivery"] = delivery;
        if (signature is not null)
        {
            context.Request.Headers["X-Hub-Signature-256"] = signature;
        }

        var result = Assert.IsType<JsonHttpResult<WebhookAnswer>>(await _endpoint.HandleAsync(context));
        return (result.StatusCode ?? 200, result.Value!);
    }

    private void AssertNoSecretLogged()
    {
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(IngestHarness.WebhookSecret, StringComparison.Ordinal) || l.Contains(PreviousSecret, StringComparison.Ordinal));
    }
}
