using System.Data;
using System.Data.Common;
using System.Net.Sockets;
using Dapper;
using GitGrader.Storage.Sql;
using Npgsql;

namespace GitGrader.Storage.Postgres;

/// <summary>
/// The store in PostgreSQL, for one queue shared by several machines: claims take the oldest
/// runnable row with <c>FOR UPDATE SKIP LOCKED</c>, migrations are serialized with
/// <c>pg_advisory_xact_lock</c>, times are <c>timestamptz</c>. A pooled connection per operation.
/// </summary>
internal sealed class PostgresGradingStore : SqlGradingStore, IDisposable, IAsyncDisposable
{
    /// <summary>The advisory lock migrations hold (the bytes of "gitgrade").</summary>
    internal const long MigrationLockKey = 0x6769746772616465;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _description;

    /// <summary>Creates the store; nothing is opened until the first call.</summary>
    public PostgresGradingStore(NpgsqlConnectionStringBuilder connectionString, TimeProvider timeProvider)
        : base(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        _description = PostgresConnectionString.Describe(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc />
    protected override string ClaimLockClause => " FOR UPDATE SKIP LOCKED";

    /// <inheritdoc />
    protected override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    /// <inheritdoc />
    protected override string SchemaVersionTableScript => PostgresMigrations.SchemaVersionTable;

    /// <inheritdoc />
    protected internal override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            var cause = exception.InnerException is { } inner && inner.Message != exception.Message
                ? $"{exception.Message} ({inner.Message})"
                : exception.Message;
            throw new GradingStoreException($"Cannot connect to {_description}: {cause}", exception);
        }
    }

    /// <inheritdoc />
    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override Task PrepareMigrationAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    protected override Task LockMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@Key)", new { Key = MigrationLockKey }, transaction, cancellationToken: cancellationToken));

    /// <inheritdoc />
    protected override object Time(DateTimeOffset value) => StoreTime.Normalize(value);

    /// <inheritdoc />
    protected override string Describe() => _description;

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _dataSource.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
