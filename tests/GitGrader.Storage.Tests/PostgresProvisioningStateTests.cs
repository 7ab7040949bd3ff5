using GitGrader.Storage.Tests.Infrastructure;

namespace GitGrader.Storage.Tests;

/// <summary>Provisioning progress and applied access on PostgreSQL (a fresh database per test, see <see cref="PostgresTestDatabase"/>).</summary>
public sealed class PostgresProvisioningStateTests : ProvisioningStateContractTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
