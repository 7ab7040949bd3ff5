namespace GitGrader.Storage.Sql;

/// <summary>A job joined with its submission and the submission that superseded it, as Dapper reads it.</summary>
internal sealed class JobRow
{
    /// <summary>
    /// <c>FROM jobs j JOIN submissions s … LEFT JOIN submissions n ON n.id = j.superseded_by_submission_id</c>,
    /// aliased to this type's properties.
    /// </summary>
    public const string Select =
        "SELECT j.id AS JobId, j.kind AS Kind, j.attempts AS Attempts, j.check_run_id AS CheckRunId, " +
        "j.lease_owner AS LeaseOwner, j.lease_expires_at AS LeaseExpiresAt, " +
        "j.superseded_by_submission_id AS SupersededById, n.sha AS SupersededBySha, " +
        "s.id AS Id, s.assignment AS Assignment, s.student AS Student, s.repository AS Repository, " +
        "s.installation_id AS InstallationId, s.branch AS Branch, s.sha AS Sha, s.received_at AS ReceivedAt " +
        "FROM jobs j JOIN submissions s ON s.id = j.submission_id " +
        "LEFT JOIN submissions n ON n.id = j.superseded_by_submission_id";

    public long JobId { get; set; }

    public string Kind { get; set; } = string.Empty;

    public int Attempts { get; set; }

    public long? CheckRunId { get; set; }

    public string? LeaseOwner { get; set; }

    public object? LeaseExpiresAt { get; set; }

    public long? SupersededById { get; set; }

    public string? SupersededBySha { get; set; }

    public long Id { get; set; }

    public string Assignment { get; set; } = string.Empty;

    public string Student { get; set; } = string.Empty;

    public string Repository { get; set; } = string.Empty;

    public long InstallationId { get; set; }

    public string? Branch { get; set; }

    public string Sha { get; set; } = string.Empty;

    public object ReceivedAt { get; set; } = string.Empty;

    public SubmissionRecord ToSubmission() => new()
    {
        Id = Id,
        Assignment = Assignment,
        Student = Student,
        Repository = Repository,
        InstallationId = InstallationId,
        Branch = Branch,
        Sha = Sha,
        ReceivedAt = StoreTime.Read(ReceivedAt),
    };

    public ClaimedJob ToClaimedJob() => new()
    {
        Id = JobId,
        Kind = JobStates.ToKind(Kind),
        Submission = ToSubmission(),
        Attempt = Attempts,
        CheckRunId = CheckRunId,
        SupersededBy = SupersededById is { } id && SupersededBySha is { } sha ? new SupersededBy(id, sha) : null,
        LeaseOwner = LeaseOwner ?? throw new InvalidOperationException($"Job {JobId} has no lease owner."),
        LeaseExpiresAt = StoreTime.ReadNullable(LeaseExpiresAt) ?? throw new InvalidOperationException($"Job {JobId} has no lease expiry."),
    };
}
