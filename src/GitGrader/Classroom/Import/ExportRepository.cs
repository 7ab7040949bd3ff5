namespace GitGrader.Classroom.Import;

/// <summary>A repository as the export writes it.</summary>
internal sealed class ExportRepository
{
    /// <summary><c>owner/name</c>.</summary>
    public string? FullName { get; init; }

    /// <summary>Its page, <c>https://github.com/owner/name</c>.</summary>
    public string? HtmlUrl { get; init; }
}
