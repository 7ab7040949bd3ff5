namespace GitGrader.Core.Assignments;

/// <summary>
/// Reads an assignment folder: GitGrader's <c>assignment.yml</c>, GitHub Classroom's workflow
/// (<c>.github/workflows/classroom.yml</c>) or <c>autograding.json</c>, or a Gradescope autograder.
/// </summary>
public static class AssignmentLoader
{
    /// <summary>The image GitHub Classroom assignments run in (their format names none).</summary>
    public const string DefaultClassroomImage = "gitgrader/classroom:latest";

    /// <summary>GitGrader's own file name.</summary>
    public const string YamlFileName = "assignment.yml";

    /// <summary>GitHub Classroom's file name.</summary>
    public const string ClassroomFileName = "autograding.json";

    private static readonly string ClassroomNestedPath = Path.Combine(".github", "classroom", ClassroomFileName);

    /// <summary>
    /// Loads <c>&lt;dir&gt;/assignment.yml</c> if present, else the workflow in <c>&lt;dir&gt;/.github/workflows</c>
    /// that uses Classroom's autograding actions, else <c>&lt;dir&gt;/autograding.json</c>, else
    /// <c>&lt;dir&gt;/.github/classroom/autograding.json</c>, else a Gradescope autograder. An <c>assignment.yml</c>
    /// without <c>tests</c> takes the tests of the first of the others found (an assignment imported from GitHub Classroom).
    /// </summary>
    /// <exception cref="AssignmentFormatException">The folder holds none of those files, or the file found cannot be used.</exception>
    public static async Task<Assignment> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        cancellationToken.ThrowIfCancellationRequested();

        var fullDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!Directory.Exists(fullDirectory))
        {
            throw new AssignmentFormatException(fullDirectory, null, null, "the assignment folder does not exist");
        }

        var yamlPath = Path.Combine(fullDirectory, YamlFileName);
        if (File.Exists(yamlPath))
        {
            var text = await File.ReadAllTextAsync(yamlPath, cancellationToken).ConfigureAwait(false);

            // An assignment.yml without 'tests' takes them from Classroom's or Gradescope's files beside it
            // (an imported course: its name, deadline and policy here, its tests as Classroom wrote them).
            var beside = YamlAssignmentParser.DeclaresTests(text) ? null : await LoadImportedAsync(fullDirectory, cancellationToken).ConfigureAwait(false);
            return YamlAssignmentParser.Parse(yamlPath, fullDirectory, text, beside);
        }

        return await LoadImportedAsync(fullDirectory, cancellationToken).ConfigureAwait(false)
            ?? throw new AssignmentFormatException(
                fullDirectory,
                null,
                null,
                $"no assignment file found; looked for {YamlFileName}, a Classroom workflow in .github/workflows, {ClassroomFileName}, {ClassroomNestedPath.Replace('\\', '/')} and a Gradescope autograder ({GradescopeAssignmentReader.RunScript})");
    }

    /// <summary>The folder's Classroom workflow, else its <c>autograding.json</c>, else its Gradescope autograder; null when it has none.</summary>
    private static async Task<Assignment?> LoadImportedAsync(string fullDirectory, CancellationToken cancellationToken)
    {
        // A workflow that grades decides which tests run: an autograding.json beside it is not read instead.
        if (await ClassroomWorkflowParser.FindAsync(fullDirectory, cancellationToken).ConfigureAwait(false) is { } workflow)
        {
            return await ClassroomWorkflowParser.ParseAsync(workflow, fullDirectory, cancellationToken).ConfigureAwait(false);
        }

        foreach (var candidate in new[] { ClassroomFileName, ClassroomNestedPath })
        {
            var jsonPath = Path.Combine(fullDirectory, candidate);
            if (File.Exists(jsonPath))
            {
                var bytes = await File.ReadAllBytesAsync(jsonPath, cancellationToken).ConfigureAwait(false);
                return ClassroomAssignmentParser.Parse(jsonPath, fullDirectory, bytes);
            }
        }

        return File.Exists(Path.Combine(fullDirectory, GradescopeAssignmentReader.RunScript))
            ? GradescopeAssignmentReader.Read(fullDirectory)
            : null;
    }
}
