using GitGrader.Core.Assignments;

namespace GitGrader.Classroom;

/// <summary>
/// The course's assignments, loaded once at start, and the mapping of a repository to one of
/// them: <c>{organization}/{slug}-{login}</c>, GitHub Classroom's naming; the longest matching
/// slug wins, so <c>lab-1</c> and <c>lab-1-extra</c> can live side by side.
/// </summary>
public sealed class AssignmentCatalog
{
    private readonly Dictionary<string, Assignment> _bySlug;
    private readonly string _organization;

    /// <summary>Creates a catalog over loaded assignments.</summary>
    public AssignmentCatalog(string organization, IEnumerable<Assignment> assignments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organization);
        ArgumentNullException.ThrowIfNull(assignments);
        _organization = organization;
        _bySlug = assignments.ToDictionary(a => a.Slug, StringComparer.OrdinalIgnoreCase);
        Assignments = [.. _bySlug.Values.OrderBy(a => a.Slug, StringComparer.Ordinal)];
    }

    /// <summary>Every assignment, by slug.</summary>
    public IReadOnlyList<Assignment> Assignments { get; }

    /// <summary>The assignment with that slug, if any.</summary>
    public Assignment? Find(string slug) => _bySlug.GetValueOrDefault(slug);

    /// <summary>
    /// Loads every folder of <paramref name="folder"/> holding an assignment; every broken
    /// assignment is reported in one error, each with its file, line and key.
    /// </summary>
    /// <exception cref="ConfigurationException">The folder is missing, holds no assignment, or some assignment is broken.</exception>
    public static async Task<AssignmentCatalog> LoadAsync(string organization, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new ConfigurationException($"Classroom:AssignmentsFolder '{Path.GetFullPath(folder)}' does not exist.");
        }

        var assignments = new List<Assignment>();
        var problems = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(directory).StartsWith('.'))
            {
                continue;
            }

            try
            {
                assignments.Add(await AssignmentLoader.LoadAsync(directory, cancellationToken).ConfigureAwait(false));
            }
            catch (AssignmentFormatException ex)
            {
                problems.Add(ex.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException($"{problems.Count} assignment(s) in '{Path.GetFullPath(folder)}' cannot be used:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
        }

        if (assignments.Count == 0)
        {
            throw new ConfigurationException($"Classroom:AssignmentsFolder '{Path.GetFullPath(folder)}' holds no assignment folder (assignment.yml, autograding.json or a Gradescope autograder).");
        }

        var duplicate = assignments.GroupBy(a => a.Slug, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ConfigurationException($"Two assignments share the slug '{duplicate.Key}': {string.Join(", ", duplicate.Select(a => a.Directory))}.");
        }

        return new AssignmentCatalog(organization, assignments);
    }

    /// <summary>The assignment and student of <c>owner/name</c>, or null when it is not a student repository of this course.</summary>
    public StudentRepository? Map(string owner, string name)
    {
        if (!string.Equals(owner, _organization, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        StudentRepository? best = null;
        foreach (var assignment in _bySlug.Values)
        {
            var prefix = assignment.Slug + "-";
            if (name.Length > prefix.Length
                && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && GitHubLogin.IsValid(name[prefix.Length..])
                && (best is null || assignment.Slug.Length > best.Assignment.Slug.Length))
            {
                best = new StudentRepository(assignment, name[prefix.Length..]);
            }
        }

        return best;
    }
}
