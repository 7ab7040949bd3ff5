using GitGrader.Storage.Tests.Infrastructure;

namespace GitGrader.Storage.Tests;

/// <summary>Roster claims on PostgreSQL (a fresh database per test, see <see cref="PostgresTestDatabase"/>).</summary>
public sealed class PostgresRosterClaimTests : RosterClaimContractTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
