namespace GitGrader.Storage;

/// <summary>Where GitGrader keeps its records and queue (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string ConfigurationKey = "Storage";

    /// <summary>The SQLite file used when nothing is configured.</summary>
    public const string DefaultDatabase = "gitgrader.db";

    /// <summary>
    /// A SQLite file path (default <c>gitgrader.db</c>, relative to the working directory), or a
    /// PostgreSQL connection string: a value containing <c>Host=</c>, or a <c>postgres://</c> /
    /// <c>postgresql://</c> URL, means PostgreSQL.
    /// </summary>
    public string Database { get; set; } = DefaultDatabase;
}
