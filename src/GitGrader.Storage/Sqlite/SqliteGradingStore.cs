using System.Data;
using System.Data.Common;
using GitGrader.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace GitGrader.Storage.Sqlite;

/// <summary>
/// The store in one SQLite file (the default): WAL journal, <c>busy_timeout</c>, foreign keys on, a
/// pooled connection per operation, and every write that must be atomic (ingest, claim, result) in a
/// <c>BEGIN IMMEDIATE</c> transaction, so several processes sharing the file never claim the same job.
/// </summary>
internal sealed class SqliteGradingStore : SqlGradingStore, IDisposable, IAsyncDisposable
{
    /// <summary>How long a statement waits for another connection's write lock before failing.</summary>
    internal static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private const long MmapBytes = 256L * 1024 * 1024;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Creates the store; nothing is opened until the first call.</summary>
    /// <param name="path">The database file (relative paths resolve against the working directory).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="pooling">False to open a fresh connection every time (tests use it to act as a second process).</param>
    public SqliteGradingStore(string path, TimeProvider timeProvider, bool pooling = true)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path.Contains(":memory:", StringComparison.OrdinalIgnoreCase) || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            throw new GradingStoreException($"'{path}' is not a SQLite file path: give the path of the database file (in-memory databases are not shared between connections).");
        }

        FilePath = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = pooling,
            ForeignKeys = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    /// <summary>The database file, absolute.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    protected override string ClaimLockClause => string.Empty;

    /// <inheritdoc />
    protected override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    /// <inheritdoc />
    protected override string SchemaVersionTableScript => SqliteMigrations.SchemaVersionTable;

    /// <inheritdoc />
    protected internal override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragmas = connection.CreateCommand();
            // mmap: pages are read from the mapped file, not by a pread each (a connection rereads what another one
            // changed); writes still go through the WAL and its fsync.
            pragmas.CommandText = $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA mmap_size = {MmapBytes};";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException exception)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new GradingStoreException(DescribeOpenFailure(exception), exception);
        }
    }

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenForMigrationAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new GradingStoreException($"Cannot create the folder '{folder}' for the SQLite database '{FilePath}': {exception.Message}", exception);
            }
        }

        return await OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Writers of this process take turns on an async gate before <c>BEGIN IMMEDIATE</c>, held until the connection
    /// closes: SQLite's busy handler waits by sleeping the thread, so without the gate a burst of webhooks would park
    /// a thread-pool thread per waiting writer and starve the server (hundreds of milliseconds at 200 deliveries/s).
    /// Other processes sharing the file still wait in <c>busy_timeout</c>.
    /// </remarks>
    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var released = 0;
        void ReleaseOnClose(object? sender, StateChangeEventArgs change)
        {
            if (change.CurrentState == ConnectionState.Closed && Interlocked.Exchange(ref released, 1) == 0)
            {
                connection.StateChange -= ReleaseOnClose;
                _writeGate.Release();
            }
        }

        connection.StateChange += ReleaseOnClose;
        try
        {
            // Not deferred: BEGIN IMMEDIATE takes the write lock up front (waiting up to busy_timeout),
            // so a read inside the transaction can never be invalidated by another writer.
            return ((SqliteConnection)connection).BeginTransaction(deferred: false);
        }
        catch
        {
            ReleaseOnClose(null, new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
            throw;
        }
    }

    /// <inheritdoc />
    protected override async Task PrepareMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL is a property of the file: set once, it holds for every later connection and process.
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new GradingStoreException($"The SQLite database '{FilePath}' cannot use WAL journaling (journal mode is '{mode}'): put it on a local file system.");
        }
    }

    /// <inheritdoc />
    protected override Task LockMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // BEGIN IMMEDIATE already serializes migrations between processes.

    /// <inheritdoc />
    protected override object Time(DateTimeOffset value) => StoreTime.ToText(value);

    /// <inheritdoc />
    protected override string Describe() => $"SQLite '{FilePath}'";

    /// <summary>Closes the pooled connections to the file.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private string DescribeOpenFailure(SqliteException exception)
    {
        var folder = Path.GetDirectoryName(FilePath) ?? FilePath;
        return exception.SqliteErrorCode switch
        {
            // SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM, SQLITE_IOERR
            14 or 8 or 3 or 10 when !Directory.Exists(folder) =>
                $"Cannot open the SQLite database '{FilePath}': the folder '{folder}' does not exist (it is created by MigrateAsync).",
            14 or 8 or 3 or 10 =>
                $"Cannot open the SQLite database '{FilePath}' for writing: check that the folder '{folder}' and the file are writable ({exception.Message}).",
            _ => $"Cannot open the SQLite database '{FilePath}': {exception.Message}",
        };
    }
}
