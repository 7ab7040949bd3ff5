using GitGrader.Storage.Tests.Infrastructure;

namespace GitGrader.Storage.Tests;

/// <summary>Roster claims on SQLite.</summary>
public sealed class SqliteRosterClaimTests : RosterClaimContractTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
