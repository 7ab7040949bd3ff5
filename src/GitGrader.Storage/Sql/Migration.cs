namespace GitGrader.Storage.Sql;

/// <summary>One schema step: applied once, in <see cref="Version"/> order, recorded in <c>schema_version</c>.</summary>
/// <param name="Version">Position in the ordered list, from 1, never reused.</param>
/// <param name="Name">What it does.</param>
/// <param name="Script">The DDL (several statements).</param>
internal sealed record Migration(int Version, string Name, string Script);
