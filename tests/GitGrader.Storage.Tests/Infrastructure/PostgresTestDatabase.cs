using System.Data.Common;
using GitGrader.Storage.Postgres;
using Npgsql;

namespace GitGrader.Storage.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database <c>gg_&lt;guid&gt;</c>, created with the CREATEDB role of
/// <c>GITGRADER_TEST_POSTGRES</c> and dropped afterwards. An unreachable server fails the test.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string EnvironmentVariable = "GITGRADER_TEST_POSTGRES";

    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=5432;Username=gitgrader;Password=gitgrader;Database=gitgrader_test";

    private readonly NpgsqlConnectionStringBuilder _admin;

    private PostgresTestDatabase(NpgsqlConnectionStringBuilder admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server the tests use (the environment variable, or the local default).</summary>
    public static NpgsqlConnectionStringBuilder AdminConnectionString() =>
        new(Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : DefaultConnectionString);

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = AdminConnectionString();
        var name = $"gg_{Guid.NewGuid():N}";
        try
        {
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL store tests need a server: {PostgresConnectionString.Describe(admin)} failed ({exception.Message}). " +
                $"Run `bash tests/ensure-postgres.sh` as root to install and start one, or point {EnvironmentVariable} at a server " +
                "where the user may CREATE DATABASE.",
                exception);
        }

        return new PostgresTestDatabase(admin, name);
    }

    public override async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    protected override IGradingStore NewStore(TimeProvider time) =>
        new PostgresGradingStore(new NpgsqlConnectionStringBuilder(ConnectionString), time);

    protected override async ValueTask DropAsync()
    {
        await using (var probe = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(probe);
        }

        await using var connection = new NpgsqlConnection(_admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                // The server's autovacuum worker visits the new database now and then; the role may not end it: wait it out.
                await Task.Delay(250);
            }
        }
    }
}
