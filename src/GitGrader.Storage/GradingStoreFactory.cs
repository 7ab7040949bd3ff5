using GitGrader.Storage.Postgres;
using GitGrader.Storage.Sqlite;

namespace GitGrader.Storage;

/// <summary>
/// Creates the <see cref="IGradingStore"/> a <see cref="StorageOptions.Database"/> value designates
/// (for the CLI's <c>--database</c>; hosts use <see cref="StorageServiceCollectionExtensions.AddGradingStore"/>).
/// The store returned also implements <see cref="IDisposable"/> and <see cref="IAsyncDisposable"/>
/// (closing its connection pool). Call <see cref="IGradingStore.MigrateAsync"/> before anything else.
/// </summary>
public static class GradingStoreFactory
{
    /// <summary>
    /// PostgreSQL when the value contains <c>Host=</c> (any case) or starts with <c>postgres://</c>
    /// or <c>postgresql://</c>; otherwise a SQLite file path.
    /// </summary>
    public static StorageProvider Detect(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var value = database.Trim();
        return value.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? StorageProvider.Postgres
            : StorageProvider.Sqlite;
    }

    /// <summary>Creates the store; connects lazily (the first call, usually <see cref="IGradingStore.MigrateAsync"/>).</summary>
    /// <param name="database">A SQLite file path or a PostgreSQL connection string or URL.</param>
    /// <param name="timeProvider">The clock for every "now" the store records or compares.</param>
    /// <exception cref="GradingStoreException">The value is empty, <c>:memory:</c>, or a malformed PostgreSQL URL or connection string.</exception>
    public static IGradingStore Create(string database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (string.IsNullOrWhiteSpace(database))
        {
            throw new GradingStoreException("No database configured: set Storage:Database to a SQLite file path or a PostgreSQL connection string.");
        }

        return Detect(database) == StorageProvider.Postgres
            ? new PostgresGradingStore(PostgresConnectionString.Parse(database), timeProvider)
            : new SqliteGradingStore(database.Trim(), timeProvider);
    }
}
