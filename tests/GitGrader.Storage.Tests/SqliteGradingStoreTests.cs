using System.Diagnostics;
using Dapper;
using GitGrader.Storage.Sqlite;
using GitGrader.Storage.Tests.Infrastructure;
using static GitGrader.Storage.Tests.Infrastructure.TestData;

namespace GitGrader.Storage.Tests;

/// <summary>The store contract on SQLite, plus what only a shared file needs.</summary>
public sealed class SqliteGradingStoreTests : GradingStoreContractTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    private SqliteTestDatabase File => (SqliteTestDatabase)Database;

    [Fact]
    public async Task StoreConnections_UseWalJournal_ForeignKeys_AndBusyTimeout()
    {
        await using var connection = await ((SqliteGradingStore)Store).OpenAsync(Ct);

        Assert.Equal("wal", await connection.QuerySingleAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1L, await connection.QuerySingleAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal((long)SqliteGradingStore.BusyTimeout.TotalMilliseconds, await connection.QuerySingleAsync<long>("PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task Times_AreStoredAsFixedWidthIsoUtcText()
    {
        await Store.IngestAsync(Push(Submission("a1", new DateTimeOffset(2025, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)))), Ct);

        Assert.Equal("2025-03-01T12:00:00.000000Z", await QueryAsync<string>("SELECT received_at FROM submissions"));
        Assert.Equal("2025-03-01T12:00:00.000000Z", await QueryAsync<string>("SELECT not_before FROM jobs"));
    }

    [Fact]
    public async Task ClaimNextJobAsync_TwoStoreInstancesWithTheirOwnConnectionsOnOneFile_EachJobClaimedExactlyOnce()
    {
        File.Pooling = false; // the second instance opens its own connections, as another process would
        var other = Database.CreateStore(Clock);
        for (var i = 0; i < 50; i++)
        {
            await Store.IngestAsync(Push(Submission($"sha{i}", Start.AddSeconds(i), student: $"student{i}")), Ct);
        }

        var claims = await ClaimAllConcurrentlyAsync([Store, Store, Store, Store, other, other, other, other]);

        Assert.Equal(50, claims.Count);
        Assert.Equal(50, claims.Select(c => c.Id).Distinct().Count());
        Assert.Equal(new QueueStats(0, 0, 50, 0), await other.GetQueueStatsAsync(Ct));
    }

    [Fact]
    public async Task IngestAsync_WhileAnotherProcessHoldsTheWriteLock_WaitsForItAndSucceeds()
    {
        // A real second process (python3's sqlite3) holds the write lock until told to commit.
        using var holder = Process.Start(new ProcessStartInfo("python3")
        {
            ArgumentList =
            {
                "-c",
                "import sqlite3, sys\n" +
                "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n" +
                "c.execute('BEGIN IMMEDIATE')\n" +
                "c.execute(\"INSERT INTO deliveries (id, event, received_at) VALUES ('other-process', 'push', 'x')\")\n" +
                "print('locked', flush=True)\n" +
                "sys.stdin.readline()\n" +
                "c.execute('COMMIT')\n",
                File.FilePath,
            },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        Assert.Equal("locked", await holder.StandardOutput.ReadLineAsync(Ct));

        var ingest = Task.Run(() => Store.IngestAsync(Push(Submission("a1", Start)), Ct));
        await Task.Delay(500, Ct);
        var waited = !ingest.IsCompleted;
        await holder.StandardInput.WriteLineAsync("commit");
        await holder.StandardInput.FlushAsync(Ct);
        var outcome = await ingest;
        await holder.WaitForExitAsync(Ct);

        Assert.True(waited, "the ingest did not wait for the other process's write lock");
        Assert.Equal(0, holder.ExitCode);
        Assert.NotNull(outcome.JobId);
        Assert.Equal(2L, await QueryAsync<long>("SELECT COUNT(*) FROM deliveries"));
    }

    [Fact]
    public async Task MigrateAsync_MissingFolder_IsCreated()
    {
        var path = Path.Combine(Path.GetTempPath(), "gitgrader-storage-tests", Guid.NewGuid().ToString("N"), "nested", "gg.db");
        using var store = new SqliteGradingStore(path, Clock);
        try
        {
            await store.MigrateAsync(Ct);

            Assert.True(System.IO.File.Exists(path));
        }
        finally
        {
            store.Dispose();
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(path))!, recursive: true);
        }
    }

    [Fact]
    public async Task MigrateAsync_FolderCannotBeCreated_ErrorNamesThePath()
    {
        // A regular file where a folder should be: not creatable, even for root.
        var blocker = Path.Combine(Path.GetDirectoryName(File.FilePath)!, "not-a-folder");
        await System.IO.File.WriteAllTextAsync(blocker, "x", Ct);
        var path = Path.Combine(blocker, "gg.db");
        using var store = new SqliteGradingStore(path, Clock);

        var error = await Assert.ThrowsAsync<GradingStoreException>(() => store.MigrateAsync(Ct));

        Assert.Contains(blocker, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_FolderMissing_ErrorNamesTheFileAndFolder()
    {
        var folder = Path.Combine(Path.GetDirectoryName(File.FilePath)!, "missing");
        using var store = new SqliteGradingStore(Path.Combine(folder, "gg.db"), Clock);

        var error = await Assert.ThrowsAsync<GradingStoreException>(() => store.GetQueueStatsAsync(Ct));

        Assert.Contains(Path.Combine(folder, "gg.db"), error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":memory:")]
    [InlineData("file::memory:?cache=shared")]
    public void Constructor_InMemoryDatabase_IsRefused(string path)
    {
        Assert.Throws<GradingStoreException>(() => new SqliteGradingStore(path, Clock));
    }

    [Fact]
    public async Task MigrateAsync_SchemaNewerThanThisBuild_FailsWithAClearMessage()
    {
        await using (var connection = await Database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', 'x')");
        }

        var error = await Assert.ThrowsAsync<GradingStoreException>(() => Store.MigrateAsync(Ct));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains(File.FilePath, error.Message, StringComparison.Ordinal);
    }
}
