namespace GitGrader.Storage;

/// <summary>Which database a <see cref="StorageOptions.Database"/> value designates.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server.</summary>
    Postgres,
}
