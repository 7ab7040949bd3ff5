using GitGrader.GitHub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FakeGitHub = GitGrader.GitHubStandIn.GitHubStandIn;

namespace GitGrader.AppTests.StandInTests;

/// <summary>GitGrader's GitHub client wired as the app wires it (<c>AddGitHubApp</c>), pointed at a stand-in, with short retry delays.</summary>
public static class ClientServices
{
    /// <summary>The provider; <paramref name="extra"/> adds or overrides <c>GitHub:*</c> keys.</summary>
    public static ServiceProvider For(FakeGitHub gitHub, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var keys = new Dictionary<string, string?>
        {
            ["GitHub:ApiBaseUrl"] = gitHub.ApiBaseUrl.AbsoluteUri,
            ["GitHub:AppId"] = gitHub.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GitHub:PrivateKeyPath"] = gitHub.PrivateKeyPath,
            ["GitHub:WebhookSecret"] = gitHub.WebhookSecret,
            ["GitHub:RetryBaseDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            keys[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitHubApp(configuration.GetSection(GitHubAppOptions.ConfigurationKey));
        return services.BuildServiceProvider();
    }
}
