using GitGrader.Storage.Tests.Infrastructure;

namespace GitGrader.Storage.Tests;

/// <summary>The feedback reservation on SQLite.</summary>
public sealed class SqliteFeedbackReservationTests : FeedbackReservationContractTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
