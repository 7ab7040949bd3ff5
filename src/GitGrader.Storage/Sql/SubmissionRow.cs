namespace GitGrader.Storage.Sql;

/// <summary>A <c>submissions</c> row as Dapper reads it (columns aliased to these names); <see cref="JobRow"/> adds the job's.</summary>
internal class SubmissionRow
{
    /// <summary>The columns, aliased, of <c>submissions s</c>.</summary>
    public const string Columns =
        "s.id AS Id, s.assignment AS Assignment, s.student AS Student, s.repository AS Repository, " +
        "s.installation_id AS InstallationId, s.branch AS Branch, s.sha AS Sha, s.received_at AS ReceivedAt, s.recovered AS Recovered";

    public long Id { get; set; }

    public string Assignment { get; set; } = string.Empty;

    public string Student { get; set; } = string.Empty;

    public string Repository { get; set; } = string.Empty;

    public long InstallationId { get; set; }

    public string? Branch { get; set; }

    public string Sha { get; set; } = string.Empty;

    public object ReceivedAt { get; set; } = string.Empty;

    public long Recovered { get; set; }

    public SubmissionRecord ToRecord() => new()
    {
        Id = Id,
        Assignment = Assignment,
        Student = Student,
        Repository = Repository,
        InstallationId = InstallationId,
        Branch = Branch,
        Sha = Sha,
        ReceivedAt = StoreTime.Read(ReceivedAt),
        Recovered = Recovered != 0,
    };
}
