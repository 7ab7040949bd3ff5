namespace GitGrader.Storage;

/// <summary>
/// Everything GitGrader keeps: deliveries, submissions, the job queue (leases), results, the
/// pull request comment and the summary issue it maintains. SQLite by default, PostgreSQL to
/// share one queue between machines; both behave the same (the same tests run on both).
/// Every method is safe to call from many threads and processes at once. Each concern has its own interface, and the
/// parts of GitGrader take only the one they use: <see cref="IJobQueue"/>, <see cref="IDeliveryLog"/>,
/// <see cref="IResultStore"/>, <see cref="IReportingState"/>, <see cref="ISummaryState"/>, <see cref="IProvisioningState"/>, <see cref="IRosterClaims"/>.
/// </summary>
public interface IGradingStore : IJobQueue, IDeliveryLog, IResultStore, IReportingState, ISummaryState, IProvisioningState, IRosterClaims
{
    /// <summary>Creates or upgrades the schema; safe to run at every start and concurrently.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);
}
