namespace GitGrader.Classroom.Import;

/// <summary>A classroom as the export holds it (<c>classrooms.json</c> items, <c>classroom-&lt;id&gt;/classroom.json</c>); other fields are ignored.</summary>
internal sealed class ExportClassroom
{
    /// <summary>Classroom id; the export's folder is <c>classroom-&lt;id&gt;</c>.</summary>
    public long Id { get; init; }

    /// <summary>The classroom's name.</summary>
    public string? Name { get; init; }

    /// <summary>Its page on classroom.github.com.</summary>
    public string? Url { get; init; }

    /// <summary>The organisation of its repositories (only in <c>classroom.json</c>; the list has none).</summary>
    public ExportOrganization? Organization { get; init; }
}
