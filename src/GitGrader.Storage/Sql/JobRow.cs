namespace GitGrader.Storage.Sql;

/// <summary>A job joined with its submission and the submission that superseded it, as Dapper reads it.</summary>
internal sealed class JobRow : SubmissionRow
{
    /// <summary>
    /// <c>FROM jobs j JOIN submissions s … LEFT JOIN submissions n ON n.id = j.superseded_by_submission_id</c>,
    /// aliased to this type's properties.
    /// </summary>
    public const string Select =
        "SELECT j.id AS JobId, j.kind AS Kind, j.attempts AS Attempts, j.failures AS Failures, j.created_at AS CreatedAt, j.check_run_id AS CheckRunId, " +
        "j.lease_owner AS LeaseOwner, j.lease_expires_at AS LeaseExpiresAt, " +
        "j.superseded_by_submission_id AS SupersededById, n.sha AS SupersededBySha, " +
        SubmissionRow.Columns + " " +
        "FROM jobs j JOIN submissions s ON s.id = j.submission_id " +
        "LEFT JOIN submissions n ON n.id = j.superseded_by_submission_id";

    public long JobId { get; set; }

    public string Kind { get; set; } = string.Empty;

    public int Attempts { get; set; }

    public int Failures { get; set; }

    public object CreatedAt { get; set; } = string.Empty;

    public long? CheckRunId { get; set; }

    public string? LeaseOwner { get; set; }

    public object? LeaseExpiresAt { get; set; }

    public long? SupersededById { get; set; }

    public string? SupersededBySha { get; set; }

    public ClaimedJob ToClaimedJob() => new()
    {
        Id = JobId,
        Kind = JobStates.ToKind(Kind),
        Submission = ToRecord(),
        Attempt = Attempts,
        Failures = Failures,
        CreatedAt = StoreTime.Read(CreatedAt),
        CheckRunId = CheckRunId,
        SupersededBy = SupersededById is { } id && SupersededBySha is { } sha ? new SupersededBy(id, sha) : null,
        LeaseOwner = LeaseOwner ?? throw new InvalidOperationException($"Job {JobId} has no lease owner."),
        LeaseExpiresAt = StoreTime.ReadNullable(LeaseExpiresAt) ?? throw new InvalidOperationException($"Job {JobId} has no lease expiry."),
    };
}
