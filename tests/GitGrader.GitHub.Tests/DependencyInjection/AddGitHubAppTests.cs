using GitGrader.GitHub.Auth;
using GitGrader.GitHub.Rest;
using GitGrader.GitHub.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GitGrader.GitHub.Tests.DependencyInjection;

/// <summary><see cref="GitHubServiceCollectionExtensions.AddGitHubApp"/>: the graph resolves, and bad settings fail at start naming the key.</summary>
public sealed class AddGitHubAppTests : IDisposable
{
    private readonly TestKeys _keys = new();

    public void Dispose() => _keys.Dispose();

    [Fact]
    public void AddGitHubApp_ValidSettings_WholeGraphResolves()
    {
        using var services = Build(Valid());

        var client = services.GetRequiredService<IGitHubClient>();

        Assert.NotNull(client);
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.Same(services.GetRequiredService<InstallationTokenCache>(), services.GetRequiredService<InstallationTokenCache>());
        Assert.NotSame(client, services.GetRequiredService<IGitHubClient>());
        Assert.Equal(new Uri("https://ghe.example/api/v3/"), services.GetRequiredService<IOptions<GitHubAppOptions>>().Value.ApiBaseUrl);
        Assert.Equal(123, services.GetRequiredService<IOptions<GitHubAppOptions>>().Value.AppId);
    }

    [Fact]
    public void AddGitHubApp_TimeProviderAlreadyRegistered_IsKept()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddGitHubApp(Section(Valid()));
        using var services = collection.BuildServiceProvider();

        Assert.Same(clock, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task HostStart_EmptySection_FailsNamingEveryMissingKey()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(new Dictionary<string, string?>()));

        Assert.Contains("GitHub:AppId", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GitHub:PrivateKeyPath", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GitHub:WebhookSecret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_ValidSettings_Starts()
    {
        await StartHostAsync(Valid());
    }

    [Theory]
    [InlineData("AppId", "0", "GitHub:AppId")]
    [InlineData("AppId", "-4", "GitHub:AppId")]
    [InlineData("WebhookSecret", "", "GitHub:WebhookSecret")]
    [InlineData("ApiBaseUrl", "https://ghe.example/api/v3", "GitHub:ApiBaseUrl")]
    [InlineData("ApiBaseUrl", "/api/v3/", "GitHub:ApiBaseUrl")]
    [InlineData("ApiBaseUrl", "ftp://ghe.example/", "GitHub:ApiBaseUrl")]
    [InlineData("MaxAttempts", "0", "GitHub:MaxAttempts")]
    [InlineData("RetryBaseDelay", "-00:00:01", "GitHub:RetryBaseDelay")]
    public void Validate_BadSetting_NamesTheKey(string key, string value, string expected)
    {
        var settings = Valid();
        settings["GitHub:" + key] = value;
        using var services = Build(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GitHubAppOptions>>().Value);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Single(ex.Failures);
    }

    [Fact]
    public void Validate_KeyFileMissing_NamesThePath()
    {
        var settings = Valid();
        settings["GitHub:PrivateKeyPath"] = Path.Combine(_keys.Folder, "gone.pem");
        using var services = Build(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GitHubAppOptions>>().Value);

        Assert.Contains(Path.Combine(_keys.Folder, "gone.pem"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyFileNotAKey_NamesThePath()
    {
        var settings = Valid();
        settings["GitHub:PrivateKeyPath"] = _keys.Write("notes.txt", "my key is in 1Password");
        using var services = Build(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GitHubAppOptions>>().Value);

        Assert.Contains("notes.txt", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1Password", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OtherSectionName_IsNamedInMessages()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Apps:Grader:AppId"] = "0" }).Build();
        var collection = new ServiceCollection();
        collection.AddGitHubApp(configuration.GetSection("Apps:Grader"));
        using var services = collection.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GitHubAppOptions>>().Value);

        Assert.Contains("Apps:Grader:AppId", ex.Message, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Valid() => new()
    {
        ["GitHub:AppId"] = "123",
        ["GitHub:PrivateKeyPath"] = _keys.Pkcs8Path,
        ["GitHub:WebhookSecret"] = "s3cret",
        ["GitHub:ApiBaseUrl"] = "https://ghe.example/api/v3/",
    };

    private static IConfigurationSection Section(Dictionary<string, string?> settings)
        => new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(GitHubAppOptions.ConfigurationKey);

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var collection = new ServiceCollection();
        collection.AddGitHubApp(Section(settings));
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static async Task StartHostAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddGitHubApp(builder.Configuration.GetSection(GitHubAppOptions.ConfigurationKey));
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }
}
