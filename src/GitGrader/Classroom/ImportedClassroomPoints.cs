using GitGrader.Core.Assignments;

namespace GitGrader.Classroom;

/// <summary>
/// The course's points from GitHub Classroom, per assignment (its folder's <c>classroom-points.csv</c>, written by
/// <c>gitgrader import-classroom</c>), shown beside GitGrader's own scores and never mixed with them.
/// </summary>
public sealed class ImportedClassroomPoints
{
    private static readonly IReadOnlyDictionary<string, ClassroomPoints> NoPoints = new Dictionary<string, ClassroomPoints>();

    private readonly Dictionary<string, IReadOnlyDictionary<string, ClassroomPoints>> _bySlug;

    /// <summary>Creates the table from each assignment's points.</summary>
    public ImportedClassroomPoints(IReadOnlyDictionary<string, IReadOnlyList<ClassroomPoints>> byAssignment)
    {
        ArgumentNullException.ThrowIfNull(byAssignment);
        _bySlug = byAssignment.ToDictionary(
            p => p.Key,
            p => (IReadOnlyDictionary<string, ClassroomPoints>)p.Value.ToDictionary(s => s.Login, StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>No imported points (a course that did not come from Classroom).</summary>
    public static ImportedClassroomPoints None { get; } = new(new Dictionary<string, IReadOnlyList<ClassroomPoints>>());

    /// <summary>The imported points of an assignment, by login; empty when it has none.</summary>
    public IReadOnlyDictionary<string, ClassroomPoints> For(Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return _bySlug.GetValueOrDefault(assignment.Slug, NoPoints);
    }

    /// <summary>Reads the <c>classroom-points.csv</c> of every assignment of <paramref name="catalog"/> that has one.</summary>
    /// <exception cref="ConfigurationException">A file that does not parse (file:line).</exception>
    public static async Task<ImportedClassroomPoints> LoadAsync(AssignmentCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var byAssignment = new Dictionary<string, IReadOnlyList<ClassroomPoints>>(StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in catalog.Assignments)
        {
            var path = Path.Combine(assignment.Directory, ClassroomPointsCsv.FileName);
            if (File.Exists(path))
            {
                var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
                byAssignment[assignment.Slug] = ClassroomPointsCsv.Parse(text, path);
            }
        }

        return byAssignment.Count == 0 ? None : new ImportedClassroomPoints(byAssignment);
    }
}
