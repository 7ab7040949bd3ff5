using GitGrader.Storage.Tests.Infrastructure;

namespace GitGrader.Storage.Tests;

/// <summary>The check run and comment reservations on PostgreSQL (a fresh database per test, see <see cref="PostgresTestDatabase"/>).</summary>
public sealed class PostgresReportingReservationTests : ReportingReservationContractTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
