using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GitGrader.Storage;

/// <summary>Registers the grading store.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from <paramref name="section"/> (the <c>Storage</c> section),
    /// validates them at start, and registers the <see cref="IGradingStore"/> they designate as a
    /// singleton (SQLite or PostgreSQL, see <see cref="GradingStoreFactory.Detect"/>), and each of its concerns
    /// (<see cref="IJobQueue"/>, <see cref="IDeliveryLog"/>, <see cref="IResultStore"/>, <see cref="IReportingState"/>,
    /// <see cref="ISummaryState"/>, <see cref="IProvisioningState"/>, <see cref="IRosterClaims"/>) as that same instance. Uses the
    /// registered <see cref="TimeProvider"/>, adding <see cref="TimeProvider.System"/> if there is none.
    /// The schema is not touched here: call <see cref="IGradingStore.MigrateAsync"/> once at start.
    /// </summary>
    public static IServiceCollection AddGradingStore(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var key = (section as IConfigurationSection)?.Path is { Length: > 0 } path
            ? $"{path}:{nameof(StorageOptions.Database)}"
            : $"{StorageOptions.ConfigurationKey}:{nameof(StorageOptions.Database)}";

        services.AddOptions<StorageOptions>()
            .Bind(section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Database), $"{key} is empty: give a SQLite file path or a PostgreSQL connection string.")
            .Validate(o => !IsInMemory(o.Database), $"{key} is an in-memory SQLite database, which every connection sees empty: give a file path.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGradingStore>(provider => GradingStoreFactory.Create(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.Database,
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IJobQueue>(provider => provider.GetRequiredService<IGradingStore>());
        services.TryAddSingleton<IResultStore>(provider => provider.GetRequiredService<IGradingStore>());
        services.TryAddSingleton<ISummaryState>(provider => provider.GetRequiredService<IGradingStore>());
        services.TryAddSingleton<IReportingState>(provider => provider.GetRequiredService<IGradingStore>());
        services.TryAddSingleton<IRosterClaims>(provider => provider.GetRequiredService<IGradingStore>());
        services.TryAddSingleton<IDeliveryLog>(provider => provider.GetRequiredService<IGradingStore>());
        services.TryAddSingleton<IProvisioningState>(provider => provider.GetRequiredService<IGradingStore>());
        return services;
    }

    private static bool IsInMemory(string? database) =>
        database is not null && database.Contains(":memory:", StringComparison.OrdinalIgnoreCase);
}
