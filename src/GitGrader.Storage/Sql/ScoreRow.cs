namespace GitGrader.Storage.Sql;

/// <summary>A submission of one assignment with one of its results (if any), for the roster.</summary>
internal sealed class ScoreRow
{
    public long SubmissionId { get; set; }

    public string Student { get; set; } = string.Empty;

    public string Repository { get; set; } = string.Empty;

    public string Sha { get; set; } = string.Empty;

    public object ReceivedAt { get; set; } = string.Empty;

    public long Recovered { get; set; }

    public long? JobId { get; set; }

    public double? Score { get; set; }

    public double? MaxScore { get; set; }

    public object? GradedAt { get; set; }
}
