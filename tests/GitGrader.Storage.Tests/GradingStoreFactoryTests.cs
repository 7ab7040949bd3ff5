using GitGrader.Storage.Postgres;
using GitGrader.Storage.Sqlite;

namespace GitGrader.Storage.Tests;

public sealed class GradingStoreFactoryTests
{
    [Theory]
    [InlineData("gitgrader.db", StorageProvider.Sqlite)]
    [InlineData("/var/lib/gitgrader/gitgrader.db", StorageProvider.Sqlite)]
    [InlineData("data/host.db", StorageProvider.Sqlite)]
    [InlineData("Host=db;Database=gitgrader;Username=gg", StorageProvider.Postgres)]
    [InlineData("Port=5433;Host=db", StorageProvider.Postgres)]
    [InlineData("host=db;database=gitgrader", StorageProvider.Postgres)]
    [InlineData("postgres://gg:pw@db/gitgrader", StorageProvider.Postgres)]
    [InlineData("postgresql://db:5433/gitgrader?sslmode=require", StorageProvider.Postgres)]
    public void Detect_Value_PicksTheProvider(string database, StorageProvider expected)
    {
        Assert.Equal(expected, GradingStoreFactory.Detect(database));
    }

    [Fact]
    public void Create_FilePath_IsASqliteStoreOnTheFullPath()
    {
        using var store = Assert.IsType<SqliteGradingStore>(GradingStoreFactory.Create("some/dir/gg.db", TimeProvider.System));

        Assert.Equal(Path.GetFullPath("some/dir/gg.db"), store.FilePath);
    }

    [Fact]
    public async Task Create_ConnectionString_IsAPostgresStore()
    {
        var store = GradingStoreFactory.Create("Host=127.0.0.1;Database=x;Username=y;Password=z", TimeProvider.System);

        await Assert.IsType<PostgresGradingStore>(store).DisposeAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(":memory:")]
    public void Create_UnusableValue_Throws(string database)
    {
        Assert.Throws<GradingStoreException>(() => GradingStoreFactory.Create(database, TimeProvider.System));
    }
}
