namespace GitGrader.Storage.Sql;

/// <summary>A submission that may be regraded, as Dapper reads it.</summary>
internal sealed class RegradeCandidateRow
{
    public long SubmissionId { get; set; }

    public string Student { get; set; } = string.Empty;

    public object ReceivedAt { get; set; } = string.Empty;

    public long? CheckRunId { get; set; }

    public long Open { get; set; }
}
