namespace GitGrader.Hosting;

/// <summary>What the command line adds to the configuration of <c>serve</c> and <c>worker</c>.</summary>
/// <param name="ConfigFile">A JSON configuration file; <c>gitgrader.json</c> in the current folder when present and none is given.</param>
/// <param name="Database">Overrides <c>Storage:Database</c>: a SQLite file or a PostgreSQL connection string.</param>
/// <param name="Concurrency">Overrides <c>Worker:Concurrency</c>.</param>
/// <param name="Verbose">Debug logging.</param>
public sealed record HostSettings(FileInfo? ConfigFile, string? Database, int? Concurrency, bool Verbose);
