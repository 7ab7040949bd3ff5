namespace GitGrader.Core.Assignments;

/// <summary>
/// A Gradescope autograder, unchanged: the folder's <c>autograder/</c> holds <c>run_autograder</c>,
/// optionally <c>setup.sh</c> (run once, as root, when its image is built) and whatever else it needs.
/// </summary>
internal static class GradescopeAssignmentReader
{
    /// <summary>Where the autograder's entry point sits, relative to the assignment folder.</summary>
    public static readonly string RunScript = Path.Combine("autograder", "run_autograder");

    public static Assignment Read(string directory)
    {
        var slug = Path.GetFileName(directory);
        return new Assignment
        {
            Slug = slug,
            Name = slug,
            Image = AssignmentLoader.DefaultClassroomImage,
            Directory = directory,
            Format = AssignmentFormat.Gradescope,
            Limits = ImportedLimits.Default,
            Tests =
            [
                new TestDefinition
                {
                    Name = "Autograder",
                    Kind = TestKind.Gradescope,
                    Run = "/autograder/run_autograder",
                    Points = 0,
                    Visibility = Visibility.Visible,
                },
            ],
        };
    }
}
