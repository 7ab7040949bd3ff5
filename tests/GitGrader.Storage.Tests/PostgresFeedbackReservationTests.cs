using GitGrader.Storage.Tests.Infrastructure;

namespace GitGrader.Storage.Tests;

/// <summary>The feedback reservation on PostgreSQL (a fresh database per test, see <see cref="PostgresTestDatabase"/>).</summary>
public sealed class PostgresFeedbackReservationTests : FeedbackReservationContractTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
