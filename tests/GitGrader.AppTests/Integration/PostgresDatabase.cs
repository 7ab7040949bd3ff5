using Npgsql;

namespace GitGrader.AppTests.Integration;

/// <summary>
/// A fresh PostgreSQL database <c>gg_e2e_&lt;guid&gt;</c>, created with the CREATEDB role of
/// <c>GITGRADER_TEST_POSTGRES</c> (default: the local server of tests/ensure-postgres.sh) and dropped
/// on dispose. An unreachable server fails the test, naming the script that starts one.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "GITGRADER_TEST_POSTGRES";

    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=gitgrader;Password=gitgrader;Database=gitgrader_test";

    private readonly NpgsqlConnectionStringBuilder _admin;

    private PostgresDatabase(NpgsqlConnectionStringBuilder admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>What <c>Storage:Database</c> takes.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : DefaultConnectionString);
        var name = $"gg_e2e_{Guid.NewGuid():N}";
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
                $"This test needs PostgreSQL at {admin.Host}:{admin.Port} as '{admin.Username}' with CREATEDB, which failed: {exception.Message}. " +
                $"Run `bash tests/ensure-postgres.sh` as root to install and start it, or point {EnvironmentVariable} at a server where that role may CREATE DATABASE.",
                exception);
        }

        return new PostgresDatabase(admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
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
