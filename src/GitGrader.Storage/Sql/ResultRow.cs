namespace GitGrader.Storage.Sql;

/// <summary>The part of a <c>results</c> row <see cref="IResultStore.GetLatestResultAsync"/> reads.</summary>
internal sealed class ResultRow
{
    public long JobId { get; set; }

    public string ReportJson { get; set; } = string.Empty;
}
