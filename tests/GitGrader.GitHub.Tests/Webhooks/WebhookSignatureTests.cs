using System.Text;
using System.Text.Json;
using GitGrader.GitHub.Tests.Support;
using GitGrader.GitHub.Webhooks;

namespace GitGrader.GitHub.Tests.Webhooks;

/// <summary><see cref="WebhookSignature"/> (Octokit.Webhooks' validator beneath) against GitHub's published test vector and npm <c>@octokit/webhooks-methods</c> (run with node).</summary>
public sealed class WebhookSignatureTests
{
    private const string DocsSecret = "It's a Secret to Everybody";
    private const string DocsPayload = "Hello, World!";
    private const string DocsSignature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private static readonly string[] Secrets = [DocsSecret, "hook-secret", "sécret ✓ 🔑"];

    [Fact]
    public void Sign_GitHubDocsTestVector_MatchesPublishedSignature()
    {
        Assert.Equal(DocsSignature, WebhookSignature.Sign(Encoding.UTF8.GetBytes(DocsPayload), DocsSecret));
    }

    [Fact]
    public void IsValid_GitHubDocsTestVector_IsAccepted()
    {
        Assert.True(WebhookSignature.IsValid(Encoding.UTF8.GetBytes(DocsPayload), DocsSignature, DocsSecret));
    }

    [Fact]
    public async Task SignAndIsValid_EveryExampleBody_AgreeWithWebhooksMethods()
    {
        var bodies = WebhookExamples.All.Values.SelectMany(examples => examples).ToList();
        var inputs = (from body in bodies from secret in Secrets select (Secret: secret, Payload: body)).ToList();

        var results = await RunReferenceAsync(inputs.Select(i => (i.Secret, i.Payload, (string?)WebhookSignature.Sign(Encoding.UTF8.GetBytes(i.Payload), i.Secret))));

        Assert.Equal(inputs.Count, results.Count);
        Assert.True(inputs.Count > 300, $"only {inputs.Count} example bodies");
        for (var i = 0; i < inputs.Count; i++)
        {
            var body = Encoding.UTF8.GetBytes(inputs[i].Payload);
            Assert.Equal(results[i].Signature, WebhookSignature.Sign(body, inputs[i].Secret));
            Assert.True(WebhookSignature.IsValid(body, results[i].Signature, inputs[i].Secret));
            Assert.True(results[i].Verified, "webhooks-methods' verify rejected our signature");
        }
    }

    [Fact]
    public async Task IsValid_GitHubDocsTestVector_AgreesWithWebhooksMethods()
    {
        var results = await RunReferenceAsync([(DocsSecret, DocsPayload, DocsSignature)]);

        Assert.Equal(DocsSignature, results[0].Signature);
        Assert.True(results[0].Verified);
    }

    [Fact]
    public void IsValid_TamperedBody_IsRejected()
    {
        var body = WebhookExamples.Body("push", 0);
        var signature = WebhookSignature.Sign(body, "hook-secret");
        body[body.Length / 2] ^= 0x01;

        Assert.False(WebhookSignature.IsValid(body, signature, "hook-secret"));
    }

    [Fact]
    public void IsValid_WrongSecret_IsRejected()
    {
        var body = WebhookExamples.Body("push", 0);

        Assert.False(WebhookSignature.IsValid(body, WebhookSignature.Sign(body, "hook-secret"), "other-secret"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("SHA256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17a")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1z")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1 ")]
    [InlineData(" sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=")]
    public void IsValid_MalformedHeader_IsRejected(string? header)
    {
        Assert.False(WebhookSignature.IsValid(Encoding.UTF8.GetBytes(DocsPayload), header, DocsSecret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void IsValid_NoSecret_Throws(string? secret)
    {
        // Octokit.Webhooks' validator alone calls an unsigned body valid when no secret is configured.
        Assert.ThrowsAny<ArgumentException>(() => WebhookSignature.IsValid(Encoding.UTF8.GetBytes(DocsPayload), null, secret!));
    }

    [Fact]
    public async Task Verify_UppercaseHex_IsRejectedByWebhooksMethodsToo()
    {
        var results = await RunReferenceAsync([(DocsSecret, DocsPayload, "sha256=" + DocsSignature["sha256=".Length..].ToUpperInvariant())]);

        Assert.False(results[0].Verified);
    }

    private static async Task<IReadOnlyList<(string Signature, bool? Verified)>> RunReferenceAsync(IEnumerable<(string Secret, string Payload, string? Signature)> items)
    {
        RepoRoot.NpmPackage("@octokit/webhooks-methods");
        var script = Path.Combine(RepoRoot.NpmFolder, "sign-webhooks.mjs");
        var input = JsonSerializer.Serialize(items.Select(i => new Dictionary<string, string?> { ["secret"] = i.Secret, ["payload"] = i.Payload, ["signature"] = i.Signature }));
        var output = await Node.RunAsync(script, input);
        using var document = JsonDocument.Parse(output);
        return [.. document.RootElement.EnumerateArray().Select(r => (
            r.GetProperty("signature").GetString()!,
            r.GetProperty("verified").ValueKind == JsonValueKind.Null ? (bool?)null : r.GetProperty("verified").GetBoolean()))];
    }
}
