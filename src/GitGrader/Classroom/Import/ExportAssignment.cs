namespace GitGrader.Classroom.Import;

/// <summary>An assignment as the export holds it (<c>assignments.json</c> items, <c>assignment-&lt;id&gt;/assignment.json</c>); other fields are ignored.</summary>
internal sealed class ExportAssignment
{
    /// <summary>Assignment id; the export's folder is <c>assignment-&lt;id&gt;</c>.</summary>
    public long Id { get; init; }

    /// <summary>The title students saw.</summary>
    public string? Title { get; init; }

    /// <summary>Classroom's slug of the title, the prefix of its repository names.</summary>
    public string? Slug { get; init; }

    /// <summary><c>individual</c> or <c>group</c>.</summary>
    public string? Type { get; init; }

    /// <summary>ISO 8601 in UTC (<c>2020-01-11T11:59:22Z</c>), or null when there was none.</summary>
    public string? Deadline { get; init; }

    /// <summary>The starter repository (only in <c>assignment.json</c>; the list has none).</summary>
    public ExportRepository? StarterCodeRepository { get; init; }
}
