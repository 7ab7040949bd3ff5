using System.Data.Common;
using System.Text.Json;
using Dapper;
using GitGrader.Core.Reports;

namespace GitGrader.Storage.Sql;

/// <summary>
/// The store over SQL, written once for SQLite and PostgreSQL: the providers differ only in how a
/// connection opens, how a write transaction starts (SQLite <c>BEGIN IMMEDIATE</c>, PostgreSQL
/// read committed with <c>FOR UPDATE SKIP LOCKED</c> on the rows it claims), how a time is passed,
/// and their migration scripts. A connection per operation, from the provider's pool.
/// </summary>
internal abstract partial class SqlGradingStore : IGradingStore
{
    private readonly TimeProvider _timeProvider;

    protected SqlGradingStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Appended to the SELECT that picks a row to claim (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>).</summary>
    protected abstract string ClaimLockClause { get; }

    /// <summary>The ordered migration scripts.</summary>
    protected abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>The <c>schema_version</c> table, created if missing, inside the migration transaction.</summary>
    protected abstract string SchemaVersionTableScript { get; }

    /// <summary>Opens a pooled connection, ready for use (pragmas set); failures name the database.</summary>
    protected internal abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Starts a transaction that holds the write lock (SQLite) or is read committed (PostgreSQL).</summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Work before the migration transaction (SQLite: the folder, WAL mode).</summary>
    protected abstract Task PrepareMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serializes migrations between processes inside the transaction (PostgreSQL: advisory lock).</summary>
    protected abstract Task LockMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>A time as the provider's parameter (SQLite: ISO 8601 text; PostgreSQL: UTC <see cref="DateTimeOffset"/>).</summary>
    protected abstract object Time(DateTimeOffset value);

    /// <summary>Describes the database for error messages (never a password).</summary>
    protected abstract string Describe();

    private DateTimeOffset Now() => StoreTime.Normalize(_timeProvider.GetUtcNow());

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenForMigrationAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await PrepareMigrationAsync(connection, cancellationToken).ConfigureAwait(false);
            var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await LockMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, SchemaVersionTableScript, null, cancellationToken).ConfigureAwait(false);
                var applied = (await connection.QueryAsync<long>(Command(
                    "SELECT version FROM schema_version", null, transaction, cancellationToken)).ConfigureAwait(false)).ToHashSet();
                var newest = Migrations[^1].Version;
                if (applied.Count > 0 && applied.Max() > newest)
                {
                    throw new GradingStoreException(
                        $"The database {Describe()} has schema version {applied.Max()}, newer than this GitGrader knows ({newest}): upgrade GitGrader.");
                }

                foreach (var migration in Migrations.OrderBy(m => m.Version))
                {
                    if (applied.Contains(migration.Version))
                    {
                        continue;
                    }

                    await ExecuteAsync(connection, transaction, migration.Script, null, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(
                        connection,
                        transaction,
                        "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                        new { migration.Version, migration.Name, AppliedAt = Time(Now()) },
                        cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Opens the connection migrations use (SQLite creates the folder first).</summary>
    protected virtual Task<DbConnection> OpenForMigrationAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IngestOutcome> IngestAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Delivery);
        var now = Now();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var recorded = await ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO deliveries (id, event, received_at) VALUES (@Id, @Event, @ReceivedAt) ON CONFLICT (id) DO NOTHING",
                    new { Id = request.Delivery.DeliveryId, Event = request.Delivery.EventName, ReceivedAt = Time(request.Delivery.ReceivedAt) },
                    cancellationToken).ConfigureAwait(false);
                if (recorded == 0)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return IngestOutcome.Seen;
                }

                // A delivery GitGrader asked GitHub to make again: the push's time is that of GitHub's first attempt.
                var firstAttempt = await connection.ExecuteScalarAsync<object?>(Command(
                    "SELECT original_at FROM redeliveries WHERE guid = @Id", new { Id = request.Delivery.DeliveryId }, transaction, cancellationToken)).ConfigureAwait(false);
                IngestOutcome outcome;
                if (request.Submission is { } submission)
                {
                    var recovered = firstAttempt is null ? null : (DateTimeOffset?)StoreTime.Read(firstAttempt);
                    outcome = await RecordSubmissionAsync(connection, transaction, submission with { ReceivedAt = recovered ?? submission.ReceivedAt }, recovered is not null || submission.Recovered, request.SupersedesOlder, now, cancellationToken).ConfigureAwait(false);
                }
                else if (request.ExistingSubmissionJob is { } existing)
                {
                    outcome = await QueueForExistingAsync(connection, transaction, existing, now, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    outcome = new IngestOutcome(false, null, null, []);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return outcome;
            }
        }
    }

    private async Task<IngestOutcome> RecordSubmissionAsync(
        DbConnection connection, DbTransaction transaction, NewSubmission submission, bool recovered, bool supersedesOlder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var receivedAt = Time(submission.ReceivedAt);
        var submissionId = await connection.QuerySingleOrDefaultAsync<long?>(Command(
            """
            INSERT INTO submissions (assignment, student, repository, installation_id, branch, sha, received_at, recovered)
            VALUES (@Assignment, @Student, @Repository, @InstallationId, @Branch, @Sha, @ReceivedAt, @Recovered)
            ON CONFLICT (repository, sha, assignment) DO NOTHING
            RETURNING id
            """,
            new { submission.Assignment, submission.Student, submission.Repository, submission.InstallationId, submission.Branch, submission.Sha, ReceivedAt = receivedAt, Recovered = recovered ? 1 : 0 },
            transaction,
            cancellationToken)).ConfigureAwait(false);
        if (submissionId is null)
        {
            var existing = await connection.QuerySingleAsync<long>(Command(
                "SELECT id FROM submissions WHERE repository = @Repository AND sha = @Sha AND assignment = @Assignment",
                new { submission.Repository, submission.Sha, submission.Assignment },
                transaction,
                cancellationToken)).ConfigureAwait(false);
            return new IngestOutcome(false, existing, null, []);
        }

        var jobId = await InsertJobAsync(connection, transaction, submissionId.Value, JobKind.Grade, now, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<long> superseded = [];
        if (supersedesOlder && submission.Branch is not null)
        {
            // Every still-queued grade job of an older submission on this branch now points at the
            // newest one (also those an intermediate push had superseded); running jobs are left alone.
            var ids = await connection.QueryAsync<long>(Command(
                """
                UPDATE jobs SET superseded_by_submission_id = @NewSubmissionId, updated_at = @Now
                WHERE status = 'queued' AND kind = 'grade' AND lane = 0 AND submission_id IN (
                    SELECT id FROM submissions
                    WHERE repository = @Repository AND branch = @Branch AND assignment = @Assignment
                      AND id <> @NewSubmissionId AND received_at <= @ReceivedAt)
                RETURNING id
                """,
                new { NewSubmissionId = submissionId.Value, Now = Time(now), submission.Repository, submission.Branch, submission.Assignment, ReceivedAt = receivedAt },
                transaction,
                cancellationToken)).ConfigureAwait(false);
            superseded = [.. ids.Order()];
        }

        return new IngestOutcome(false, submissionId, jobId, superseded);
    }

    private async Task<IngestOutcome> QueueForExistingAsync(
        DbConnection connection, DbTransaction transaction, ExistingSubmissionJob existing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var submissionId = await connection.QuerySingleOrDefaultAsync<long?>(Command(
            "SELECT id FROM submissions WHERE repository = @Repository AND sha = @Sha AND assignment = @Assignment",
            new { existing.Repository, existing.Sha, existing.Assignment },
            transaction,
            cancellationToken)).ConfigureAwait(false);
        if (submissionId is null)
        {
            return new IngestOutcome(false, null, null, []);
        }

        var jobId = await InsertJobAsync(connection, transaction, submissionId.Value, existing.Kind, now, cancellationToken).ConfigureAwait(false);
        return new IngestOutcome(false, submissionId, jobId, []);
    }

    private Task<long> InsertJobAsync(
        DbConnection connection, DbTransaction transaction, long submissionId, JobKind kind, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync<long>(Command(
            """
            INSERT INTO jobs (kind, submission_id, status, attempts, not_before, created_at, updated_at)
            VALUES (@Kind, @SubmissionId, 'queued', 0, @Now, @Now, @Now)
            RETURNING id
            """,
            new { Kind = JobStates.ToText(kind), SubmissionId = submissionId, Now = Time(now) },
            transaction,
            cancellationToken));

    /// <inheritdoc />
    public async Task<SubmissionRecord?> FindSubmissionAsync(string repository, string sha, string assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(sha);
        ArgumentNullException.ThrowIfNull(assignment);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<SubmissionRow>(Command(
                $"SELECT {SubmissionRow.Columns} FROM submissions s WHERE s.repository = @Repository AND s.sha = @Sha AND s.assignment = @Assignment",
                new { Repository = repository, Sha = sha, Assignment = assignment },
                null,
                cancellationToken)).ConfigureAwait(false);
            return row?.ToRecord();
        }
    }

    /// <inheritdoc />
    public async Task<ClaimedJob?> ClaimNextJobAsync(string workerId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var now = Now();
        const string RunnableSql =
            """
            SELECT id FROM jobs
            WHERE (status = 'queued' AND not_before <= @Now) OR (status = 'running' AND lease_expires_at <= @Now)
            ORDER BY lane, id
            LIMIT 1
            """;
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Idle workers poll: look without the write lock first, so polling never queues behind ingest.
            if (await connection.QuerySingleOrDefaultAsync<long?>(Command(RunnableSql, new { Now = Time(now) }, null, cancellationToken)).ConfigureAwait(false) is null)
            {
                return null;
            }

            var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var jobId = await connection.QuerySingleOrDefaultAsync<long?>(Command(
                    RunnableSql + ClaimLockClause, new { Now = Time(now) }, transaction, cancellationToken)).ConfigureAwait(false);
                if (jobId is null)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return null;
                }

                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = @WorkerId,
                        lease_expires_at = @LeaseExpiresAt, updated_at = @Now
                    WHERE id = @JobId
                    """,
                    new { WorkerId = workerId, LeaseExpiresAt = Time(now + lease), Now = Time(now), JobId = jobId.Value },
                    cancellationToken).ConfigureAwait(false);
                var row = await connection.QuerySingleAsync<JobRow>(Command(
                    $"{JobRow.Select} WHERE j.id = @JobId", new { JobId = jobId.Value }, transaction, cancellationToken)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return row.ToClaimedJob();
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> RenewLeaseAsync(long jobId, string workerId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var now = Now();
        var changed = await ExecuteAsync(
            """
            UPDATE jobs SET lease_expires_at = @LeaseExpiresAt, updated_at = @Now
            WHERE id = @JobId AND status = 'running' AND lease_owner = @WorkerId
            """,
            new { LeaseExpiresAt = Time(now + lease), Now = Time(now), JobId = jobId, WorkerId = workerId },
            cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListLeaseOwnersAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var owners = await connection.QueryAsync<string>(Command(
                "SELECT DISTINCT lease_owner FROM jobs WHERE status = 'running' AND lease_owner IS NOT NULL ORDER BY lease_owner", null, null, cancellationToken)).ConfigureAwait(false);
            return [.. owners];
        }
    }

    /// <inheritdoc />
    public async Task<int> ExpireLeasesAsync(string workerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        var now = Time(Now());
        return await ExecuteAsync(
            """
            UPDATE jobs SET lease_expires_at = @Now, updated_at = @Now
            WHERE status = 'running' AND lease_owner = @WorkerId AND lease_expires_at > @Now
            """,
            new { Now = now, WorkerId = workerId },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task CompleteJobAsync(long jobId, string workerId, CancellationToken cancellationToken) =>
        FinishJobAsync(jobId, workerId, JobStates.Done, error: null, notBefore: null, failure: 0, cancellationToken);

    /// <inheritdoc />
    public Task RetryJobAsync(long jobId, string workerId, string error, DateTimeOffset notBefore, bool countsAsFailure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        return FinishJobAsync(jobId, workerId, JobStates.Queued, error, notBefore, countsAsFailure ? 1 : 0, cancellationToken);
    }

    /// <inheritdoc />
    public Task FailJobAsync(long jobId, string workerId, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        return FinishJobAsync(jobId, workerId, JobStates.Failed, error, notBefore: null, failure: 0, cancellationToken);
    }

    /// <summary>
    /// Ends the lease of a running job held by <paramref name="workerId"/>; a worker that lost its
    /// lease (the job re-claimed by another, or already finished) changes nothing.
    /// </summary>
    private async Task FinishJobAsync(long jobId, string workerId, string status, string? error, DateTimeOffset? notBefore, int failure, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        var now = Now();
        var sql = notBefore is null
            ? """
              UPDATE jobs SET status = @Status, last_error = COALESCE(@Error, last_error), lease_owner = NULL, lease_expires_at = NULL, updated_at = @Now
              WHERE id = @JobId AND status = 'running' AND lease_owner = @WorkerId
              """
            : """
              UPDATE jobs SET status = @Status, last_error = @Error, lease_owner = NULL, lease_expires_at = NULL, not_before = @NotBefore,
                  failures = failures + @Failure, updated_at = @Now
              WHERE id = @JobId AND status = 'running' AND lease_owner = @WorkerId
              """;
        await ExecuteAsync(
            sql,
            new { Status = status, Error = error, Now = Time(now), NotBefore = notBefore is { } due ? Time(due) : null, Failure = failure, JobId = jobId, WorkerId = workerId },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task SaveResultAsync(long submissionId, long jobId, GradeReport report, CancellationToken cancellationToken) =>
        SaveResultCoreAsync(submissionId, jobId, report, feedback: null, cancellationToken);

    private async Task<FeedbackGrant?> SaveResultCoreAsync(long submissionId, long jobId, GradeReport report, FeedbackClaim? feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = JsonReportWriter.Write(report);
        return await InWriteTransactionAsync(async (connection, transaction) =>
        {
            var assignment = await connection.QuerySingleOrDefaultAsync<string?>(Command(
                "SELECT s.assignment FROM jobs j JOIN submissions s ON s.id = j.submission_id WHERE j.id = @JobId AND s.id = @SubmissionId",
                new { JobId = jobId, SubmissionId = submissionId },
                transaction,
                cancellationToken)).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Job {jobId} of submission {submissionId} does not exist.");

            await ExecuteAsync(connection, transaction, "DELETE FROM test_results WHERE job_id = @JobId", new { JobId = jobId }, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO results (job_id, submission_id, score, max_score, graded_at, report_json)
                VALUES (@JobId, @SubmissionId, @Score, @MaxScore, @GradedAt, @ReportJson)
                ON CONFLICT (job_id) DO UPDATE SET submission_id = excluded.submission_id, score = excluded.score,
                    max_score = excluded.max_score, graded_at = excluded.graded_at, report_json = excluded.report_json
                """,
                new { JobId = jobId, SubmissionId = submissionId, report.Score, report.MaxScore, GradedAt = Time(report.GradedAt), ReportJson = json },
                cancellationToken).ConfigureAwait(false);
            if (report.Tests.Count > 0)
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO test_results (job_id, ordinal, name, status, score, max_score)
                    VALUES (@JobId, @Ordinal, @Name, @Status, @Score, @MaxScore)
                    """,
                    report.Tests.Select((t, i) => new
                    {
                        JobId = jobId,
                        Ordinal = i,
                        t.Name,
                        Status = JsonNamingPolicy.SnakeCaseLower.ConvertName(t.Status.ToString()),
                        t.Score,
                        t.MaxScore,
                    }).ToList(),
                    cancellationToken).ConfigureAwait(false);
            }

            var grant = feedback is null
                ? null
                : await ReserveFeedbackAsync(connection, transaction, submissionId, jobId, feedback, cancellationToken).ConfigureAwait(false);
            await MarkSummaryDirtyAsync(connection, transaction, assignment, cancellationToken).ConfigureAwait(false);
            return grant;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoredResult?> GetLatestResultAsync(long submissionId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<ResultRow>(Command(
                """
                SELECT job_id AS JobId, report_json AS ReportJson FROM results
                WHERE submission_id = @SubmissionId
                ORDER BY graded_at DESC, job_id DESC
                LIMIT 1
                """,
                new { SubmissionId = submissionId },
                null,
                cancellationToken)).ConfigureAwait(false);
            return row is null ? null : new StoredResult(submissionId, row.JobId, JsonReportWriter.Read(row.ReportJson));
        }
    }

    /// <inheritdoc />
    public async Task MarkSummaryDirtyAsync(string assignment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assignment);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await MarkSummaryDirtyAsync(connection, null, assignment, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<int> MarkSummaryDirtyAsync(DbConnection connection, DbTransaction? transaction, string assignment, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO summaries (assignment, version, published_version) VALUES (@Assignment, 1, 0)
            ON CONFLICT (assignment) DO UPDATE SET version = summaries.version + 1
            """,
            new { Assignment = assignment },
            cancellationToken);

    /// <inheritdoc />
    public async Task<SummaryClaim?> ClaimDueSummaryAsync(string owner, TimeSpan minInterval, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(minInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var now = Now();
        const string DueSql =
            """
            SELECT assignment AS Assignment, issue_number AS IssueNumber, version AS Version FROM summaries
            WHERE version > published_version
              AND (published_at IS NULL OR published_at <= @DueBefore)
              AND (lease_owner IS NULL OR lease_owner = @Owner OR lease_expires_at <= @Now)
            ORDER BY CASE WHEN published_at IS NULL THEN 0 ELSE 1 END, published_at, assignment
            LIMIT 1
            """;
        var parameters = new { DueBefore = Time(now - minInterval), Owner = owner, Now = Time(now) };
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (await connection.QuerySingleOrDefaultAsync<SummaryRow>(Command(DueSql, parameters, null, cancellationToken)).ConfigureAwait(false) is null)
            {
                return null; // nothing due: no write lock taken
            }

            var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var row = await connection.QuerySingleOrDefaultAsync<SummaryRow>(Command(
                    DueSql + ClaimLockClause, parameters, transaction, cancellationToken)).ConfigureAwait(false);
                if (row is not null)
                {
                    await ExecuteAsync(
                        connection,
                        transaction,
                        "UPDATE summaries SET lease_owner = @Owner, lease_expires_at = @LeaseExpiresAt WHERE assignment = @Assignment",
                        new { Owner = owner, LeaseExpiresAt = Time(now + lease), row.Assignment },
                        cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return row is null ? null : new SummaryClaim(row.Assignment, row.IssueNumber, row.Version);
            }
        }
    }

    /// <inheritdoc />
    public async Task CompleteSummaryAsync(string assignment, string owner, int issueNumber, long version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        await ExecuteAsync(
            """
            UPDATE summaries SET
                published_version = CASE WHEN published_version > @Version THEN published_version ELSE @Version END,
                issue_number = @IssueNumber, published_at = @Now, lease_owner = NULL, lease_expires_at = NULL
            WHERE assignment = @Assignment AND lease_owner = @Owner
            """,
            new { Version = version, IssueNumber = issueNumber, Now = Time(Now()), Assignment = assignment, Owner = owner },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ReleaseSummaryAsync(string assignment, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        await ExecuteAsync(
            "UPDATE summaries SET lease_owner = NULL, lease_expires_at = NULL WHERE assignment = @Assignment AND lease_owner = @Owner",
            new { Assignment = assignment, Owner = owner },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(string Assignment, string Owner)>> ListSummaryClaimsAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var claims = await connection.QueryAsync<(string, string)>(Command(
                "SELECT assignment, lease_owner FROM summaries WHERE lease_owner IS NOT NULL ORDER BY assignment", null, null, cancellationToken)).ConfigureAwait(false);
            return [.. claims];
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StudentScore>> GetStudentScoresAsync(string assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = (await connection.QueryAsync<ScoreRow>(Command(
                """
                SELECT s.id AS SubmissionId, s.student AS Student, s.repository AS Repository, s.sha AS Sha, s.received_at AS ReceivedAt, s.recovered AS Recovered,
                       r.job_id AS JobId, r.score AS Score, r.max_score AS MaxScore, r.graded_at AS GradedAt
                FROM submissions s LEFT JOIN results r ON r.submission_id = s.id
                WHERE s.assignment = @Assignment
                """,
                new { Assignment = assignment },
                null,
                cancellationToken)).ConfigureAwait(false)).ToList();
            return StudentScores.From(rows);
        }
    }

    /// <inheritdoc />
    public async Task<QueueStats> GetQueueStatsAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var counts = (await connection.QueryAsync<StatusCountRow>(Command(
                "SELECT status AS Status, COUNT(*) AS Count FROM jobs GROUP BY status", null, null, cancellationToken)).ConfigureAwait(false))
                .ToDictionary(r => r.Status, r => checked((int)r.Count), StringComparer.Ordinal);
            return new QueueStats(
                counts.GetValueOrDefault(JobStates.Queued),
                counts.GetValueOrDefault(JobStates.Running),
                counts.GetValueOrDefault(JobStates.Done),
                counts.GetValueOrDefault(JobStates.Failed));
        }
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction on its own connection (<see cref="BeginWriteAsync"/>) and commits it.</summary>
    private async Task<T> InWriteTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await work(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    /// <inheritdoc cref="InWriteTransactionAsync{T}"/>
    private Task InWriteTransactionAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        InWriteTransactionAsync<bool>(
            async (connection, transaction) =>
            {
                await work(connection, transaction).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    /// <summary>One statement on its own connection (autocommit).</summary>
    private async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ExecuteAsync(connection, null, sql, parameters, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command(sql, parameters, transaction, cancellationToken));

    private static CommandDefinition Command(string sql, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
