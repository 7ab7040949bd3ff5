using System.Data.Common;
using Dapper;

namespace GitGrader.Storage.Sql;

/// <summary>Check run ids and pull request comments, and the reservations that make each one of a kind across processes.</summary>
internal abstract partial class SqlGradingStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingCheckRun>> ListJobsWithoutCheckRunAsync(long afterJobId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(afterJobId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // A report job has no check run of its own (the commit's belongs to the job that grades it): never listed.
            var rows = await connection.QueryAsync<JobRow>(Command(
                $"{JobRow.Select} WHERE j.status = 'queued' AND j.kind = 'grade' AND j.check_run_id IS NULL AND j.id > @After ORDER BY j.id LIMIT @Limit",
                new { After = afterJobId, Limit = limit },
                null,
                cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => new PendingCheckRun(r.JobId, r.ToRecord()))];
        }
    }

    /// <inheritdoc />
    public async Task<QueueLine> GetQueueLineAsync(int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var now = Now();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // The claim's order (ClaimNextJobAsync): due queued jobs, live ones before regrades, by id.
            var rows = await connection.QueryAsync<JobRow>(Command(
                $"{JobRow.Select} WHERE j.status = 'queued' AND j.not_before <= @Now ORDER BY j.lane, j.id LIMIT @Limit",
                new { Now = Time(now), Limit = limit },
                null,
                cancellationToken)).ConfigureAwait(false);
            var running = await connection.ExecuteScalarAsync<long>(Command(
                "SELECT COUNT(*) FROM jobs WHERE status = 'running'", null, null, cancellationToken)).ConfigureAwait(false);
            var finished = await connection.ExecuteScalarAsync<long>(Command(
                "SELECT COUNT(*) FROM jobs WHERE status IN ('done', 'failed') AND updated_at >= @Since",
                new { Since = Time(now - window) },
                null,
                cancellationToken)).ConfigureAwait(false);
            var waiting = rows.Select(r => new QueuedJob(r.JobId, JobStates.ToKind(r.Kind), r.CheckRunId, r.SupersededById is not null, r.ToRecord()));
            return new QueueLine([.. waiting], checked((int)running), checked((int)finished));
        }
    }

    /// <inheritdoc />
    public async Task<Reservation> ReserveCheckRunAsync(long jobId, string holder, TimeSpan hold, string? replacing, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(hold, TimeSpan.Zero);
        var now = Now();
        return await InWriteTransactionAsync(async (connection, transaction) =>
        {
            // One statement decides: PostgreSQL re-checks the condition on the row a concurrent holder just changed.
            await ExecuteAsync(
                connection,
                transaction,
                """
                UPDATE jobs SET check_run_holder = @Holder, check_run_held_until = @Until
                WHERE id = @JobId AND check_run_id IS NULL
                  AND (check_run_holder IS NULL OR check_run_holder = @Holder OR check_run_holder = @Replacing OR check_run_held_until <= @Now)
                """,
                new { Holder = holder, Replacing = replacing, Until = Time(now + hold), Now = Time(now), JobId = jobId },
                cancellationToken).ConfigureAwait(false);
            var row = await connection.QuerySingleOrDefaultAsync<HoldRow>(Command(
                "SELECT check_run_id AS Id, check_run_holder AS Holder FROM jobs WHERE id = @JobId", new { JobId = jobId }, transaction, cancellationToken)).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Job {jobId} does not exist.");
            return row.ToReservation(holder);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ReleaseCheckRunAsync(long jobId, string holder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        await ExecuteAsync(
            "UPDATE jobs SET check_run_holder = NULL, check_run_held_until = NULL WHERE id = @JobId AND check_run_holder = @Holder",
            new { JobId = jobId, Holder = holder },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<long> SetCheckRunIdAsync(long jobId, long checkRunId, CancellationToken cancellationToken)
    {
        return await InWriteTransactionAsync(async (connection, transaction) =>
        {
            await ExecuteAsync(
                connection,
                transaction,
                """
                UPDATE jobs SET check_run_id = @CheckRunId, check_run_holder = NULL, check_run_held_until = NULL, updated_at = @Now
                WHERE id = @JobId AND check_run_id IS NULL
                """,
                new { CheckRunId = checkRunId, Now = Time(Now()), JobId = jobId },
                cancellationToken).ConfigureAwait(false);
            var stored = await connection.QuerySingleOrDefaultAsync<long?>(Command(
                "SELECT check_run_id FROM jobs WHERE id = @JobId", new { JobId = jobId }, transaction, cancellationToken)).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Job {jobId} does not exist.");
            return stored;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Reservation> ReservePullRequestCommentAsync(string repository, int pullRequest, string holder, TimeSpan hold, string? replacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(hold, TimeSpan.Zero);
        var now = Now();
        var key = new { Repository = repository, PullRequest = pullRequest };
        return await InWriteTransactionAsync(async (connection, transaction) =>
        {
            // The hold first, then the comment: a holder saves the comment and drops its hold in one transaction,
            // so whoever finds no comment after taking the hold is the only one to create it.
            await ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO pull_request_comment_holds (repository, pull_request, holder, held_until)
                VALUES (@Repository, @PullRequest, @Holder, @Until)
                ON CONFLICT (repository, pull_request) DO UPDATE SET holder = excluded.holder, held_until = excluded.held_until
                WHERE pull_request_comment_holds.holder = excluded.holder OR pull_request_comment_holds.holder = @Replacing
                   OR pull_request_comment_holds.held_until <= @Now
                """,
                new { Repository = repository, PullRequest = pullRequest, Holder = holder, Replacing = replacing, Until = Time(now + hold), Now = Time(now) },
                cancellationToken).ConfigureAwait(false);
            var existing = await connection.QuerySingleOrDefaultAsync<long?>(Command(
                "SELECT comment_id FROM pull_request_comments WHERE repository = @Repository AND pull_request = @PullRequest", key, transaction, cancellationToken)).ConfigureAwait(false);
            var current = await connection.QuerySingleAsync<string>(Command(
                "SELECT holder FROM pull_request_comment_holds WHERE repository = @Repository AND pull_request = @PullRequest", key, transaction, cancellationToken)).ConfigureAwait(false);
            if (existing is not null && current == holder)
            {
                await DeleteCommentHoldAsync(connection, transaction, repository, pullRequest, cancellationToken).ConfigureAwait(false);
            }

            return new HoldRow(existing, current).ToReservation(holder);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ReleasePullRequestCommentAsync(string repository, int pullRequest, string holder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        await ExecuteAsync(
            "DELETE FROM pull_request_comment_holds WHERE repository = @Repository AND pull_request = @PullRequest AND holder = @Holder",
            new { Repository = repository, PullRequest = pullRequest, Holder = holder },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<long?> GetPullRequestCommentAsync(string repository, int pullRequest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.QuerySingleOrDefaultAsync<long?>(Command(
                "SELECT comment_id FROM pull_request_comments WHERE repository = @Repository AND pull_request = @PullRequest",
                new { Repository = repository, PullRequest = pullRequest },
                null,
                cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task SavePullRequestCommentAsync(string repository, int pullRequest, long commentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        await InWriteTransactionAsync(async (connection, transaction) =>
        {
            await ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO pull_request_comments (repository, pull_request, comment_id) VALUES (@Repository, @PullRequest, @CommentId)
                ON CONFLICT (repository, pull_request) DO UPDATE SET comment_id = excluded.comment_id
                """,
                new { Repository = repository, PullRequest = pullRequest, CommentId = commentId },
                cancellationToken).ConfigureAwait(false);
            await DeleteCommentHoldAsync(connection, transaction, repository, pullRequest, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Task<int> DeleteCommentHoldAsync(DbConnection connection, DbTransaction transaction, string repository, int pullRequest, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            transaction,
            "DELETE FROM pull_request_comment_holds WHERE repository = @Repository AND pull_request = @PullRequest",
            new { Repository = repository, PullRequest = pullRequest },
            cancellationToken);
}
