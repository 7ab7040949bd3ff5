namespace GitGrader.Storage.Sql;

/// <summary>One line of <c>SELECT status, COUNT(*) FROM jobs GROUP BY status</c>.</summary>
internal sealed class StatusCountRow
{
    public string Status { get; set; } = string.Empty;

    public long Count { get; set; }
}
