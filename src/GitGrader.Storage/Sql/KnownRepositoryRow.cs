namespace GitGrader.Storage.Sql;

/// <summary>A row of <see cref="SqlGradingStore.ListKnownRepositoriesAsync"/>.</summary>
internal sealed class KnownRepositoryRow
{
    public string Repository { get; set; } = string.Empty;

    public string Assignment { get; set; } = string.Empty;

    public string Student { get; set; } = string.Empty;

    public long InstallationId { get; set; }
}
