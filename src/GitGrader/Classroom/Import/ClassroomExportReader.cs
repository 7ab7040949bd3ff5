using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace GitGrader.Classroom.Import;

/// <summary>
/// Reads what GitHub's <c>classroom-export-utility</c> (<c>export-classrooms.sh</c>, over <c>gh api</c> and the
/// <c>gh classroom</c> extension) writes. Facts, from its script and GitHub's REST description:
/// <list type="bullet">
/// <item><c>classrooms.json</c>: the array of <c>GET /classrooms</c> (id, name, archived, url; no organisation);
/// with <c>-c ID</c> the one classroom of <c>GET /classrooms/{id}</c> in an array.</item>
/// <item><c>classroom-&lt;id&gt;/classroom.json</c>: <c>GET /classrooms/{id}</c>, the same plus <c>organization</c>
/// (<c>login</c>, …).</item>
/// <item><c>classroom-&lt;id&gt;/assignments.json</c>: the array of <c>GET /classrooms/{id}/assignments</c>: id,
/// title, slug, type (<c>individual</c> | <c>group</c>), deadline (ISO 8601 in UTC, <c>2020-01-11T11:59:22Z</c>, or
/// null), invite_link, editor, language, accepted/submitted/passing counts, classroom; no starter repository.</item>
/// <item><c>assignment-&lt;id&gt;/assignment.json</c>: <c>GET /assignments/{id}</c>, the same plus
/// <c>starter_code_repository</c> (id, full_name <c>owner/name</c>, html_url, default_branch, private).</item>
/// <item><c>assignment-&lt;id&gt;/accepted-assignments.json</c>: the array of
/// <c>GET /assignments/{id}/accepted_assignments</c>: id, submitted, passing, commit_count, grade (<c>"5/10"</c>),
/// students (id, login, …), repository (full_name, html_url, …), assignment.</item>
/// <item><c>assignment-&lt;id&gt;/grades.csv</c>: <c>gh classroom assignment-grades</c>; absent when Classroom
/// returned no grades; columns as <see cref="GradesCsvReader"/> says; <c>submission_timestamp</c> is written
/// without a zone (<c>2018-11-12 01:02</c>) and read as UTC; points are numbers (written as text).</item>
/// </list>
/// Every page is fetched until an empty one <em>or an error</em>, which the script does not report: an array may
/// be short. The script stops at the first failed file, so a folder may be missing. Unknown fields are ignored.
/// </summary>
internal static partial class ClassroomExportReader
{
    /// <summary>The file at the export's root.</summary>
    public const string ClassroomsFile = "classrooms.json";

    /// <summary>A classroom folder's own file.</summary>
    public const string ClassroomFile = "classroom.json";

    /// <summary>A classroom folder's assignments.</summary>
    public const string AssignmentsFile = "assignments.json";

    /// <summary>An assignment folder's own file.</summary>
    public const string AssignmentFile = "assignment.json";

    /// <summary>An assignment folder's student repositories.</summary>
    public const string AcceptedFile = "accepted-assignments.json";

    /// <summary>An assignment folder's grades.</summary>
    public const string GradesFile = "grades.csv";

    /// <summary>
    /// Reads the classroom of <paramref name="folder"/> (the export's root, or one <c>classroom-&lt;id&gt;</c> folder):
    /// the one named or numbered <paramref name="classroom"/>, or the only one.
    /// </summary>
    /// <exception cref="ClassroomExportException">A missing or malformed file, several classrooms and none chosen, or an assignment that cannot be imported.</exception>
    public static async Task<ExportedClassroom> ReadAsync(string folder, string? classroom, ICollection<string> warnings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new ClassroomExportException($"{root}: no such folder; give the folder export-classrooms.sh wrote (classroom-export-<date>/).");
        }

        string classroomFolder;
        ExportClassroom? listed = null;
        if (File.Exists(Path.Combine(root, ClassroomsFile)))
        {
            var classrooms = await ReadJsonAsync(Path.Combine(root, ClassroomsFile), ClassroomExportJsonContext.Default.ListExportClassroom, cancellationToken).ConfigureAwait(false);
            listed = Choose(classrooms, classroom, Path.Combine(root, ClassroomsFile));
            classroomFolder = Path.Combine(root, $"classroom-{listed.Id}");
            if (!Directory.Exists(classroomFolder))
            {
                throw new ClassroomExportException($"{classroomFolder}: missing; the export stopped before this classroom. Run export-classrooms.sh again.");
            }
        }
        else if (File.Exists(Path.Combine(root, AssignmentsFile)))
        {
            classroomFolder = root;
        }
        else
        {
            throw new ClassroomExportException($"{root}: not an export of classroom-export-utility: no {ClassroomsFile} (nor a classroom folder's {AssignmentsFile}).");
        }

        var detailPath = Path.Combine(classroomFolder, ClassroomFile);
        var detail = File.Exists(detailPath)
            ? await ReadJsonAsync(detailPath, ClassroomExportJsonContext.Default.ExportClassroom, cancellationToken).ConfigureAwait(false)
            : listed ?? throw new ClassroomExportException($"{detailPath}: missing; the export stopped early. Run export-classrooms.sh again.");
        if (listed is null && classroom is not null && !Matches(detail, classroom))
        {
            throw new ClassroomExportException($"{detailPath}: this folder is classroom {detail.Id} '{detail.Name}', not '{classroom}'.");
        }

        var assignmentsPath = Path.Combine(classroomFolder, AssignmentsFile);
        var listedAssignments = await ReadJsonAsync(assignmentsPath, ClassroomExportJsonContext.Default.ListExportAssignment, cancellationToken).ConfigureAwait(false);
        var assignments = new List<ExportedAssignment>();
        var slugs = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < listedAssignments.Count; i++)
        {
            var entry = listedAssignments[i] ?? throw new ClassroomExportException($"{assignmentsPath}: item [{i}] is null.");
            var assignment = await ReadAssignmentAsync(classroomFolder, entry, i, warnings, cancellationToken).ConfigureAwait(false);
            if (!slugs.TryAdd(assignment.Assignment.Slug!, entry.Id))
            {
                throw new ClassroomExportException($"{assignmentsPath}: assignments {slugs[assignment.Assignment.Slug!]} and {entry.Id} share the slug '{assignment.Assignment.Slug}'; a GitGrader assignment is one folder per slug.");
            }

            assignments.Add(assignment);
        }

        return new ExportedClassroom(detail, classroomFolder, assignments);
    }

    private static async Task<ExportedAssignment> ReadAssignmentAsync(string classroomFolder, ExportAssignment entry, int index, ICollection<string> warnings, CancellationToken cancellationToken)
    {
        var assignmentsPath = Path.Combine(classroomFolder, AssignmentsFile);
        var folder = Path.Combine(classroomFolder, $"assignment-{entry.Id}");
        if (!Directory.Exists(folder))
        {
            throw new ClassroomExportException($"{folder}: missing (assignment {entry.Id} '{entry.Title}' of {assignmentsPath}); the export stopped before it. Run export-classrooms.sh again.");
        }

        var detailPath = Path.Combine(folder, AssignmentFile);
        var assignment = File.Exists(detailPath)
            ? await ReadJsonAsync(detailPath, ClassroomExportJsonContext.Default.ExportAssignment, cancellationToken).ConfigureAwait(false)
            : entry;
        if (string.IsNullOrWhiteSpace(assignment.Slug) || !SafeSlug().IsMatch(assignment.Slug) || assignment.Slug.Contains("..", StringComparison.Ordinal))
        {
            throw new ClassroomExportException($"{(ReferenceEquals(assignment, entry) ? $"{assignmentsPath}: [{index}]" : detailPath)}: slug '{assignment.Slug}' is not a repository-name prefix (letters, digits, '-', '_', '.').");
        }

        if (string.IsNullOrWhiteSpace(assignment.Title))
        {
            warnings.Add($"{detailPath}: assignment {assignment.Id} has no title; it is named after its slug '{assignment.Slug}'.");
        }

        var accepted = await ReadJsonAsync(Path.Combine(folder, AcceptedFile), ClassroomExportJsonContext.Default.ListExportAcceptedAssignment, cancellationToken).ConfigureAwait(false);
        var gradesPath = Path.Combine(folder, GradesFile);
        IReadOnlyList<GradesCsvRow> grades = [];
        if (File.Exists(gradesPath))
        {
            var text = await File.ReadAllTextAsync(gradesPath, cancellationToken).ConfigureAwait(false);
            grades = GradesCsvReader.Parse(text, gradesPath, warnings);
        }

        // A null where GitHub writes a list or an object reads as nothing, not as a crash further on.
        var entries = accepted.Where(a => a is not null).Select(a => new ExportAcceptedAssignment
        {
            Students = [.. (a.Students ?? []).Where(s => s is not null)],
            Repository = a.Repository,
            Grade = a.Grade,
        });
        return new ExportedAssignment(assignment, folder, [.. entries], grades, File.Exists(gradesPath) ? gradesPath : null);
    }

    private static ExportClassroom Choose(List<ExportClassroom> classrooms, string? wanted, string path)
    {
        string Known() => string.Join(", ", classrooms.Select(c => $"{c.Id} '{c.Name}'"));
        if (classrooms.Count == 0)
        {
            throw new ClassroomExportException($"{path}: lists no classroom.");
        }

        if (wanted is null)
        {
            return classrooms.Count == 1
                ? classrooms[0]
                : throw new ClassroomExportException($"{path}: {classrooms.Count} classrooms ({Known()}); choose one with --classroom NAME (or its id).");
        }

        var found = classrooms.Where(c => Matches(c, wanted)).ToList();
        return found.Count switch
        {
            1 => found[0],
            0 => throw new ClassroomExportException($"{path}: no classroom '{wanted}'; the export has {Known()}."),
            _ => throw new ClassroomExportException($"{path}: {found.Count} classrooms are named '{wanted}' ({string.Join(", ", found.Select(c => c.Id))}); give the id."),
        };
    }

    private static bool Matches(ExportClassroom classroom, string wanted) =>
        string.Equals(classroom.Name?.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(classroom.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), wanted.Trim(), StringComparison.Ordinal);

    private static async Task<T> ReadJsonAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ClassroomExportException($"{path}: missing; the export stopped early. Run export-classrooms.sh again.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ClassroomExportException($"{path}: cannot be read ({ex.Message}).", ex);
        }

        try
        {
            var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            return JsonSerializer.Deserialize(bytes.AsSpan(start), type)
                ?? throw new ClassroomExportException($"{path}: holds null; expected what GitHub's REST API answered.");
        }
        catch (JsonException ex)
        {
            var message = ex.Message.Split(" Path: ")[0].Split(" LineNumber: ")[0].TrimEnd();
            var where = ex.LineNumber is { } line ? $"{path}:{line + 1}:{(ex.BytePositionInLine ?? 0) + 1}" : path;
            var at = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? string.Empty : $" (at {ex.Path})";
            throw new ClassroomExportException($"{where}: malformed JSON{at}: {message}", ex);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeSlug();
}
