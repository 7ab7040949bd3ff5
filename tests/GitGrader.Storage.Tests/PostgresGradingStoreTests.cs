using Dapper;
using GitGrader.Storage.Postgres;
using GitGrader.Storage.Tests.Infrastructure;
using Npgsql;
using static GitGrader.Storage.Tests.Infrastructure.TestData;

namespace GitGrader.Storage.Tests;

/// <summary>
/// The store contract on PostgreSQL (a fresh database per test; the server from
/// <c>GITGRADER_TEST_POSTGRES</c>, set up by <c>tests/ensure-postgres.sh</c>), plus what only a server needs.
/// </summary>
public sealed class PostgresGradingStoreTests : GradingStoreContractTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();

    private PostgresTestDatabase Server => (PostgresTestDatabase)Database;

    [Fact]
    public async Task ClaimNextJobAsync_EightStoreInstancesFiftyJobs_EachJobClaimedExactlyOnce()
    {
        // Eight instances, eight connection pools: as eight worker machines would claim.
        var claimers = Enumerable.Range(0, 8).Select(_ => Database.CreateStore(Clock)).ToList();
        for (var i = 0; i < 50; i++)
        {
            await Store.IngestAsync(Push(Submission($"sha{i}", Start.AddSeconds(i), student: $"student{i}")), Ct);
        }

        var claims = await ClaimAllConcurrentlyAsync(claimers);

        Assert.Equal(50, claims.Count);
        Assert.Equal(50, claims.Select(c => c.Id).Distinct().Count());
        Assert.Equal(new QueueStats(0, 0, 50, 0), await Store.GetQueueStatsAsync(Ct));
    }

    [Fact]
    public async Task ClaimNextJobAsync_RowLockedByAnotherClaimer_SkipsToTheNextJob()
    {
        var first = await Store.IngestAsync(Push(Submission("a1", Start, student: "s1")), Ct);
        var second = await Store.IngestAsync(Push(Submission("a2", Start.AddSeconds(1), student: "s2")), Ct);
        await using var connection = new NpgsqlConnection(Server.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await connection.ExecuteAsync("SELECT id FROM jobs WHERE id = @Id FOR UPDATE", new { Id = first.JobId }, transaction);

        var claimed = await Store.ClaimNextJobAsync("w1", TimeSpan.FromMinutes(5), Ct);

        Assert.Equal(second.JobId, claimed!.Id);
    }

    [Fact]
    public async Task Times_AreTimestamptz()
    {
        Assert.Equal("timestamp with time zone", await QueryAsync<string>(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'jobs' AND column_name = 'lease_expires_at'"));
    }

    [Fact]
    public async Task AnyCall_ServerUnreachable_ErrorNamesHostPortAndDatabaseButNotThePassword()
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = 1, // nothing listens there
            Database = "gradebook",
            Username = "grader",
            Password = "s3cret-pa55",
            Timeout = 5,
        };
        await using var store = new PostgresGradingStore(builder, Clock);

        var error = await Assert.ThrowsAsync<GradingStoreException>(() => store.MigrateAsync(Ct));

        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("'gradebook'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pa55", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_WrongPassword_ErrorNamesTheServerButNotThePassword()
    {
        var builder = new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Password = "wrong-pa55word" };
        await using var store = new PostgresGradingStore(builder, Clock);

        var error = await Assert.ThrowsAsync<GradingStoreException>(() => store.GetQueueStatsAsync(Ct));

        Assert.Contains($"{builder.Host}:{builder.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains(Server.Name, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pa55word", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_WhileAnotherSessionHoldsTheMigrationLock_WaitsForIt()
    {
        var database = await NewDatabaseAsync();
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@Key)", new { Key = PostgresGradingStore.MigrationLockKey }, transaction);
        var migrating = database.CreateStore(Clock).MigrateAsync(Ct);

        await Task.Delay(500, Ct);
        Assert.False(migrating.IsCompleted);
        await transaction.CommitAsync(Ct);
        await migrating;

        Assert.Equal(8L, await connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM schema_version"));
    }
}
