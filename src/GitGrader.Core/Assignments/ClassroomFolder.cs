namespace GitGrader.Core.Assignments;

/// <summary>What both of GitHub Classroom's formats (its workflow and <c>autograding.json</c>) share about the assignment folder they are read from.</summary>
internal static class ClassroomFolder
{
    private static readonly EnumerationOptions AllFiles = new() { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };

    /// <summary>Every file under <paramref name="folder"/> matching <paramref name="pattern"/>, links and hidden files included.</summary>
    public static IEnumerable<string> Files(string folder, string pattern) => Directory.EnumerateFiles(folder, pattern, AllFiles);

    /// <summary>Hidden when the folder's <c>hidden/</c> holds files (its tests' output could show them), else visible.</summary>
    public static Visibility TestVisibility(string directory)
    {
        var hidden = Path.Combine(directory, "hidden");
        return Directory.Exists(hidden) && Files(hidden, "*").Any() ? Visibility.Hidden : Visibility.Visible;
    }

    /// <summary>
    /// Classroom ran every test, two of one name included; so does GitGrader, a later one numbered (<c>Sum (2)</c>)
    /// so that the per-test table and the roster can tell them apart. Null when <paramref name="name"/> was free.
    /// </summary>
    public static string? Number(string name, Func<string, bool> tryAdd)
    {
        if (tryAdd(name))
        {
            return null;
        }

        var numbered = name;
        for (var n = 2; !tryAdd(numbered = $"{name} ({n})"); n++)
        {
        }

        return numbered;
    }

    /// <summary>The assignment a Classroom folder makes: named after the folder, in the Classroom image, under the imported formats' limits.</summary>
    public static Assignment Create(string directory, IReadOnlyList<TestDefinition> tests, IReadOnlyList<string> warnings, string? setup = null)
    {
        var folderName = Path.GetFileName(directory);
        return new Assignment
        {
            Slug = folderName,
            Name = folderName,
            Image = AssignmentLoader.DefaultClassroomImage,
            Directory = directory,
            Format = AssignmentFormat.Classroom,
            Limits = ImportedLimits.Default,
            Setup = setup,
            Tests = tests,
            Warnings = warnings,
        };
    }
}
