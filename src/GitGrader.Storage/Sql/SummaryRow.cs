namespace GitGrader.Storage.Sql;

/// <summary>The part of a <c>summaries</c> row a claim returns.</summary>
internal sealed class SummaryRow
{
    public string Assignment { get; set; } = string.Empty;

    public int? IssueNumber { get; set; }

    public long Version { get; set; }
}
