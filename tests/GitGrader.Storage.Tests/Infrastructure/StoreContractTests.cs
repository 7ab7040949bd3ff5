using static GitGrader.Storage.Tests.Infrastructure.TestData;

namespace GitGrader.Storage.Tests.Infrastructure;

/// <summary>
/// What a store contract written once and run on SQLite and PostgreSQL stands on: each test gets its own empty,
/// migrated database (<see cref="CreateDatabaseAsync"/>, from the derived class), a store over it on a manual clock
/// starting at <see cref="TestData.Start"/>, and a token that ends a hung test after two minutes. A test that needs
/// another database asks <see cref="NewDatabaseAsync"/>; every one is disposed with the test.
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private readonly List<TestDatabase> _databases = [];

    /// <summary>The store's clock.</summary>
    protected ManualTimeProvider Clock { get; } = new(Start);

    /// <summary>This test's database.</summary>
    protected TestDatabase Database { get; private set; } = null!;

    /// <summary>The store under test, migrated.</summary>
    protected IGradingStore Store { get; private set; } = null!;

    /// <summary>Ends after two minutes.</summary>
    protected CancellationToken Ct => _timeout.Token;

    /// <summary>A new empty database of the store under test.</summary>
    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Database = await NewDatabaseAsync();
        Store = Database.CreateStore(Clock);
        await Store.MigrateAsync(Ct);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        _timeout.Dispose();
    }

    /// <summary>Another empty database of the store under test, disposed with the test.</summary>
    protected async Task<TestDatabase> NewDatabaseAsync()
    {
        var database = await CreateDatabaseAsync();
        _databases.Add(database);
        return database;
    }
}
