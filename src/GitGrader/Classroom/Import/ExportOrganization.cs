namespace GitGrader.Classroom.Import;

/// <summary>A classroom's organisation, as the export writes it.</summary>
internal sealed class ExportOrganization
{
    /// <summary>The organisation's login: student repositories are <c>&lt;login&gt;/&lt;slug&gt;-&lt;student&gt;</c>.</summary>
    public string? Login { get; init; }
}
