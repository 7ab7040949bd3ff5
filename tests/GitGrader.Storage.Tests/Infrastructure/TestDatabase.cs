using System.Data.Common;

namespace GitGrader.Storage.Tests.Infrastructure;

/// <summary>One throw-away database (a temp SQLite file or a fresh PostgreSQL database) and the stores opened on it.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    private readonly List<IGradingStore> _stores = [];

    /// <summary>A new store instance on this database (as another process would open it); disposed with the database.</summary>
    public IGradingStore CreateStore(TimeProvider time)
    {
        var store = NewStore(time);
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }

    /// <summary>An open connection of the test's own, for looking behind the store.</summary>
    public abstract Task<DbConnection> OpenConnectionAsync();

    protected abstract IGradingStore NewStore(TimeProvider time);

    protected abstract ValueTask DropAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        await DropAsync();
        GC.SuppressFinalize(this);
    }
}
