using GitGrader.Storage.Postgres;
using GitGrader.Storage.Sqlite;
using GitGrader.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GitGrader.Storage.Tests;

public sealed class AddGradingStoreTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        configure?.Invoke(services);
        services.AddGradingStore(configuration.GetSection(StorageOptions.ConfigurationKey));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddGradingStore_NothingConfigured_IsSqliteOnGitgraderDb()
    {
        using var provider = Build([]);

        var store = Assert.IsType<SqliteGradingStore>(provider.GetRequiredService<IGradingStore>());

        Assert.Equal(Path.GetFullPath("gitgrader.db"), store.FilePath);
        Assert.Same(store, provider.GetRequiredService<IGradingStore>());
    }

    [Fact]
    public void AddGradingStore_FilePath_IsSqliteOnThatFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "gg-options.db");
        using var provider = Build(new() { ["Storage:Database"] = path });

        Assert.Equal(path, Assert.IsType<SqliteGradingStore>(provider.GetRequiredService<IGradingStore>()).FilePath);
    }

    [Fact]
    public void AddGradingStore_ConnectionString_IsPostgres()
    {
        using var provider = Build(new() { ["Storage:Database"] = "Host=127.0.0.1;Database=gg;Username=u;Password=p" });

        Assert.IsType<PostgresGradingStore>(provider.GetRequiredService<IGradingStore>());
    }

    [Fact]
    public async Task AddGradingStore_UsesTheRegisteredTimeProvider()
    {
        var clock = new ManualTimeProvider(TestData.Start.AddYears(3));
        var path = Path.Combine(Path.GetTempPath(), $"gg-{Guid.NewGuid():N}.db");
        await using (var provider = Build(new() { ["Storage:Database"] = path }, s => s.AddSingleton<TimeProvider>(clock)))
        {
            var store = provider.GetRequiredService<IGradingStore>();
            await store.MigrateAsync(CancellationToken.None);
            var outcome = await store.IngestAsync(TestData.Push(TestData.Submission("a1", TestData.Start)), CancellationToken.None);
            var claimed = await store.ClaimNextJobAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None);

            Assert.Equal(outcome.JobId, claimed!.Id);
            Assert.Equal(clock.GetUtcNow().AddMinutes(1), claimed.LeaseExpiresAt);
        }

        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(":memory:")]
    public void AddGradingStore_UnusableValue_FailsValidationNamingTheKey(string value)
    {
        using var provider = Build(new() { ["Storage:Database"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:Database", error.Message, StringComparison.Ordinal);
    }
}
