using GitGrader.Storage.Tests.Infrastructure;

namespace GitGrader.Storage.Tests;

/// <summary>Provisioning progress and applied access on SQLite.</summary>
public sealed class SqliteProvisioningStateTests : ProvisioningStateContractTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
