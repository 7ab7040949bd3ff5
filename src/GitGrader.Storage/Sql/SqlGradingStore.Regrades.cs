using Dapper;

namespace GitGrader.Storage.Sql;

/// <summary>Regrades, queued in their own lane.</summary>
internal abstract partial class SqlGradingStore
{
    /// <summary>The lane of regrades: claimed after every due live job (<c>ORDER BY lane, id</c>).</summary>
    private const int RegradeLane = 1;

    /// <inheritdoc />
    public async Task<RegradeOutcome> QueueRegradesAsync(string assignment, string? student, bool latestOnly, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assignment);
        var now = Now();
        return await InWriteTransactionAsync(async (connection, transaction) =>
        {
            var submissions = (await connection.QueryAsync<RegradeCandidateRow>(Command(
                $"""
                SELECT s.id AS SubmissionId, s.student AS Student, s.received_at AS ReceivedAt,
                    (SELECT j.check_run_id FROM jobs j WHERE j.submission_id = s.id AND j.kind = 'grade' AND j.check_run_id IS NOT NULL ORDER BY j.id DESC LIMIT 1) AS CheckRunId,
                    (SELECT COUNT(*) FROM jobs o WHERE o.submission_id = s.id AND o.kind = 'grade' AND o.status IN ('queued', 'running')) AS Open
                FROM submissions s
                WHERE s.assignment = @Assignment {(student is null ? string.Empty : "AND s.student = @Student")}
                """,
                new { Assignment = assignment, Student = student },
                transaction,
                cancellationToken)).ConfigureAwait(false)).ToList();
            if (latestOnly)
            {
                submissions = [.. submissions
                    .GroupBy(s => s.Student, StringComparer.Ordinal)
                    .Select(g => g.OrderByDescending(s => StoreTime.Read(s.ReceivedAt)).ThenByDescending(s => s.SubmissionId).First())];
            }

            var queued = 0;
            foreach (var submission in submissions.Where(s => s.Open == 0).OrderBy(s => s.SubmissionId))
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO jobs (kind, submission_id, status, attempts, not_before, check_run_id, lane, created_at, updated_at)
                    VALUES ('grade', @SubmissionId, 'queued', 0, @Now, @CheckRunId, @Lane, @Now, @Now)
                    """,
                    new { submission.SubmissionId, submission.CheckRunId, Lane = RegradeLane, Now = Time(now) },
                    cancellationToken).ConfigureAwait(false);
                queued++;
            }

            return new RegradeOutcome(queued, submissions.Count(s => s.Open > 0));
        }, cancellationToken).ConfigureAwait(false);
    }
}
