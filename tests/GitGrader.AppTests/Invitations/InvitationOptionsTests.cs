using GitGrader.AppTests.Integration;

namespace GitGrader.AppTests.Invitations;

/// <summary>The sign-in keys are checked at start, each failure naming its key; the secret is never in the message.</summary>
public sealed class InvitationOptionsTests : IDisposable
{
    private readonly ConfigurationFolder _folder = ConfigurationFolder.Create();

    [Fact]
    public async Task Serve_ClientIdWithoutSecret_FailsNamingTheKey()
    {
        _folder.Write(config => config["GitHub"]!["ClientId"] = "Iv23liabc");

        var error = await BuildFailureAsync();

        Assert.Contains(error, f => f.Contains("GitHub:ClientId is set but GitHub:ClientSecret is not", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_SecretWithoutClientId_FailsWithoutShowingTheSecret()
    {
        _folder.Write(config => config["GitHub"]!["ClientSecret"] = "s3cr3t-value-0123456789");

        var error = await BuildFailureAsync();

        Assert.Contains(error, f => f.Contains("GitHub:ClientSecret is set but GitHub:ClientId is not", StringComparison.Ordinal));
        Assert.DoesNotContain(error, f => f.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_SignInWithoutPublicUrl_FailsNamingServePublicUrl()
    {
        _folder.Write(config =>
        {
            config["GitHub"]!["ClientId"] = "Iv23liabc";
            config["GitHub"]!["ClientSecret"] = "secret";
        });

        var error = await BuildFailureAsync();

        Assert.Contains(error, f => f.Contains("Serve:PublicUrl is required when GitHub:ClientId is set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_RelativePublicUrl_FailsNamingTheKey()
    {
        _folder.Write(config => config["Serve"] = new System.Text.Json.Nodes.JsonObject { ["PublicUrl"] = "grader.example.edu" });

        var error = await BuildFailureAsync();

        Assert.Contains(error, f => f.StartsWith("Serve:PublicUrl must be the absolute http(s) address", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();

    private Task<IReadOnlyList<string>> BuildFailureAsync() => ServeStartFailures.OfAsync(_folder.ConfigFile);
}
