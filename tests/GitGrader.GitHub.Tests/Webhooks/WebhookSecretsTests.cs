using System.Text;
using GitGrader.GitHub.Tests.Support;
using GitGrader.GitHub.Webhooks;

namespace GitGrader.GitHub.Tests.Webhooks;

/// <summary>
/// <see cref="WebhookSecrets"/>: a delivery signed with the current or, during a rotation, the previous secret is
/// accepted, and which one matched is told apart; anything else is refused. And the configuration shape is checked at start.
/// </summary>
public sealed class WebhookSecretsTests : IDisposable
{
    private const string DocsSecret = "It's a Secret to Everybody";
    private const string DocsPayload = "Hello, World!";
    private const string DocsSignature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private readonly TestKeys _keys = new();

    public void Dispose() => _keys.Dispose();

    [Theory]
    [InlineData("new-secret", WebhookSecretMatch.Current)]
    [InlineData("old-secret", WebhookSecretMatch.Previous)]
    [InlineData("another-secret", WebhookSecretMatch.None)]
    public void Match_ExampleBodySignedWith_TellsWhichSecret(string signedWith, WebhookSecretMatch expected)
    {
        var body = WebhookExamples.Body("push", 0);

        var match = new WebhookSecrets("new-secret", "old-secret").Match(body, WebhookSignature.Sign(body, signedWith));

        Assert.Equal(expected, match);
    }

    [Fact]
    public void Match_SignedWithThePreviousSecret_IsPrevious()
    {
        var secrets = new WebhookSecrets("new-secret", DocsSecret);

        Assert.True(secrets.IsRotating);
        Assert.Equal(WebhookSecretMatch.Previous, secrets.Match(Encoding.UTF8.GetBytes(DocsPayload), DocsSignature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Match_PreviousSecretUnsetOrEmpty_AcceptsTheCurrentOnly(string? previous)
    {
        var secrets = new WebhookSecrets("new-secret", previous);
        var body = WebhookExamples.Body("push", 0);

        Assert.False(secrets.IsRotating);
        Assert.Equal(WebhookSecretMatch.Current, secrets.Match(body, WebhookSignature.Sign(body, "new-secret")));
        Assert.Equal(WebhookSecretMatch.None, secrets.Match(body, WebhookSignature.Sign(body, "old-secret")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("SHA256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17")]
    public void Match_MissingOrMalformedHeader_IsNoneUnderEitherSecret(string? header)
    {
        var secrets = new WebhookSecrets("new-secret", DocsSecret);

        Assert.Equal(WebhookSecretMatch.None, secrets.Match(Encoding.UTF8.GetBytes(DocsPayload), header));
    }

    [Fact]
    public void Constructor_EmptyCurrentSecret_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WebhookSecrets("", "old-secret"));
    }

    [Fact]
    public void From_Options_TakesBothSecrets()
    {
        var secrets = WebhookSecrets.From(new GitHubAppOptions { WebhookSecret = "new-secret", PreviousWebhookSecret = DocsSecret });

        Assert.Equal(WebhookSecretMatch.Previous, secrets.Match(Encoding.UTF8.GetBytes(DocsPayload), DocsSignature));
    }

    [Fact]
    public void From_OptionsWithoutCurrentSecret_FailsNamingTheKey()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => WebhookSecrets.From(new GitHubAppOptions { PreviousWebhookSecret = DocsSecret }));

        Assert.Contains("GitHub:WebhookSecret", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("old-secret")]
    public void Validate_PreviousSecretUnsetOrDifferent_Succeeds(string? previous)
    {
        var result = Validate(previous);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_PreviousSecretSameAsCurrent_FailsNamingBothKeysWithoutTheSecret()
    {
        var result = Validate("new-secret");

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains("GitHub:PreviousWebhookSecret", failure, StringComparison.Ordinal);
        Assert.Contains("GitHub:WebhookSecret", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("new-secret", failure, StringComparison.Ordinal);
    }

    private Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? previous) =>
        new GitHubAppOptionsValidator("GitHub").Validate(null, new GitHubAppOptions
        {
            AppId = 123,
            PrivateKeyPath = _keys.Pkcs8Path,
            WebhookSecret = "new-secret",
            PreviousWebhookSecret = previous,
        });
}
