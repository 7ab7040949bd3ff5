using GitGrader.GitHub.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.GitHub.Tests.Support;

/// <summary>A <see cref="ScriptedGitHub"/>, a key, a settable clock and a client wired by <see cref="GitHubServiceCollectionExtensions.AddGitHubApp"/>.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    private ClientHarness(ScriptedGitHub server, TestKeys keys, ManualTimeProvider clock, ServiceProvider services)
    {
        Server = server;
        Keys = keys;
        Clock = clock;
        Services = services;
    }

    public ScriptedGitHub Server { get; }

    public TestKeys Keys { get; }

    public ManualTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    /// <summary>A client as the App would get one (a new typed client each time, sharing the token cache).</summary>
    public IGitHubClient Client => Services.GetRequiredService<IGitHubClient>();

    /// <summary>Starts everything; <paramref name="settings"/> override the defaults (3 tries, 10 ms backoff, 2 s longest rate-limit wait).</summary>
    public static Task<ClientHarness> StartAsync(params (string Key, string Value)[] settings) => StartAsync(_ => { }, settings);

    /// <summary>Starts everything, letting <paramref name="configureServices"/> add to the container first (e.g. a log capture).</summary>
    public static async Task<ClientHarness> StartAsync(Action<IServiceCollection> configureServices, params (string Key, string Value)[] settings)
    {
        var clock = new ManualTimeProvider(Start);
        var server = await ScriptedGitHub.StartAsync(clock);
        var keys = new TestKeys();
        return new ClientHarness(server, keys, clock, Build(server, keys, clock, configureServices, settings));
    }

    /// <summary>A second container against the same server, key and clock, with <paramref name="settings"/> overriding the defaults.</summary>
    public ServiceProvider ServicesWith(params (string Key, string Value)[] settings) => Build(Server, Keys, Clock, _ => { }, settings);

    private static ServiceProvider Build(ScriptedGitHub server, TestKeys keys, ManualTimeProvider clock, Action<IServiceCollection> configureServices, (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["GitHub:AppId"] = "123",
            ["GitHub:PrivateKeyPath"] = keys.Pkcs1Path,
            ["GitHub:WebhookSecret"] = "hook-secret",
            ["GitHub:ApiBaseUrl"] = server.ApiBaseUrl.ToString(),
            ["GitHub:MaxAttempts"] = "3",
            ["GitHub:RetryBaseDelay"] = "00:00:00.010",
            ["GitHub:MaxRateLimitWait"] = "00:00:02",
        };
        foreach (var (key, value) in settings)
        {
            values["GitHub:" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        configureServices(services);
        services.AddGitHubApp(configuration.GetSection(GitHubAppOptions.ConfigurationKey));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
        Keys.Dispose();
    }
}
