using System.Data.Common;
using Dapper;
using GitGrader.Core.Reports;

namespace GitGrader.Storage.Sql;

/// <summary>
/// Feedback limits: <c>feedback_uses</c> holds the one use a submission (a commit of an assignment)
/// took, <c>feedback_counters</c> the uses per (assignment, student, day). A use is taken by a
/// conditional increment (<c>used &lt; per_day</c>) of the counter row, which PostgreSQL re-checks
/// after a concurrent writer commits and SQLite runs under its write lock: the last result of a day
/// goes to one transaction only.
/// </summary>
internal abstract partial class SqlGradingStore
{
    /// <inheritdoc />
    public async Task<FeedbackGrant> SaveResultAsync(long submissionId, long jobId, GradeReport report, FeedbackClaim feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentOutOfRangeException.ThrowIfNegative(feedback.PerDay);
        if (report.HasGraderError)
        {
            throw new ArgumentException("A report with a grader error is not a result: it is retried, and takes no feedback.", nameof(report));
        }

        return (await SaveResultCoreAsync(submissionId, jobId, report, feedback, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<FeedbackGrant> GetFeedbackGrantAsync(long submissionId, FeedbackClaim feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var counted = await connection.QuerySingleOrDefaultAsync<long?>(Command(
                "SELECT submission_id FROM feedback_uses WHERE submission_id = @SubmissionId",
                new { SubmissionId = submissionId },
                null,
                cancellationToken)).ConfigureAwait(false) is not null;
            var used = await UsedAsync(connection, null, feedback, cancellationToken).ConfigureAwait(false);
            return new FeedbackGrant(counted || !feedback.Spend, used, counted);
        }
    }

    private async Task<FeedbackGrant> ReserveFeedbackAsync(
        DbConnection connection, DbTransaction transaction, long submissionId, long jobId, FeedbackClaim feedback, CancellationToken cancellationToken)
    {
        if (!feedback.Spend)
        {
            return new FeedbackGrant(true, await UsedAsync(connection, transaction, feedback, cancellationToken).ConfigureAwait(false), false);
        }

        var key = new { feedback.Assignment, feedback.Student, Window = feedback.WindowKey };
        var taken = await ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO feedback_uses (submission_id, assignment, student, window_key, job_id, used_at)
            VALUES (@SubmissionId, @Assignment, @Student, @Window, @JobId, @Now)
            ON CONFLICT (submission_id) DO NOTHING
            """,
            new { SubmissionId = submissionId, feedback.Assignment, feedback.Student, Window = feedback.WindowKey, JobId = jobId, Now = Time(Now()) },
            cancellationToken).ConfigureAwait(false);
        if (taken == 0)
        {
            // This commit used one already (a redelivery, a re-run): shown again, no second use.
            return new FeedbackGrant(true, await UsedAsync(connection, transaction, feedback, cancellationToken).ConfigureAwait(false), true);
        }

        await ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO feedback_counters (assignment, student, window_key, used) VALUES (@Assignment, @Student, @Window, 0)
            ON CONFLICT (assignment, student, window_key) DO NOTHING
            """,
            key,
            cancellationToken).ConfigureAwait(false);
        var used = await connection.QuerySingleOrDefaultAsync<long?>(Command(
            """
            UPDATE feedback_counters SET used = used + 1
            WHERE assignment = @Assignment AND student = @Student AND window_key = @Window AND used < @PerDay
            RETURNING used
            """,
            new { feedback.Assignment, feedback.Student, Window = feedback.WindowKey, feedback.PerDay },
            transaction,
            cancellationToken)).ConfigureAwait(false);
        if (used is { } count)
        {
            return new FeedbackGrant(true, checked((int)count), false);
        }

        // The day's results are used up: the use is given back, the result itself is still saved.
        await ExecuteAsync(connection, transaction, "DELETE FROM feedback_uses WHERE submission_id = @SubmissionId", new { SubmissionId = submissionId }, cancellationToken).ConfigureAwait(false);
        return new FeedbackGrant(false, await UsedAsync(connection, transaction, feedback, cancellationToken).ConfigureAwait(false), false);
    }

    private static async Task<int> UsedAsync(DbConnection connection, DbTransaction? transaction, FeedbackClaim feedback, CancellationToken cancellationToken)
    {
        var used = await connection.QuerySingleOrDefaultAsync<long?>(Command(
            "SELECT used FROM feedback_counters WHERE assignment = @Assignment AND student = @Student AND window_key = @Window",
            new { feedback.Assignment, feedback.Student, Window = feedback.WindowKey },
            transaction,
            cancellationToken)).ConfigureAwait(false);
        return checked((int)(used ?? 0));
    }
}
