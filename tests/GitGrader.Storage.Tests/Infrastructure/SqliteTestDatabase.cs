using System.Data.Common;
using GitGrader.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GitGrader.Storage.Tests.Infrastructure;

/// <summary>A SQLite file in its own temp folder, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder;

    public SqliteTestDatabase()
    {
        _folder = Path.Combine(Path.GetTempPath(), "gitgrader-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        FilePath = Path.Combine(_folder, "gitgrader.db");
    }

    public string FilePath { get; }

    /// <summary>Set to open later stores without connection pooling (a second process has its own connections).</summary>
    public bool Pooling { get; set; } = true;

    public override async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    protected override IGradingStore NewStore(TimeProvider time) => new SqliteGradingStore(FilePath, time, Pooling);

    protected override ValueTask DropAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing; the temp folder is cleaned by the system.
        }

        return ValueTask.CompletedTask;
    }
}
