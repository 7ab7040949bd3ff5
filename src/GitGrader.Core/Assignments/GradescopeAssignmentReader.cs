namespace GitGrader.Core.Assignments;

/// <summary>
/// A Gradescope autograder, unchanged: the folder's <c>autograder/</c> holds <c>run_autograder</c>,
/// optionally <c>setup.sh</c> (run once, as root, when its image is built) and whatever else it needs.
/// </summary>
internal static class GradescopeAssignmentReader
{
    /// <summary>Where the autograder's entry point sits, relative to the assignment folder.</summary>
    public static readonly string RunScript = Path.Combine("autograder", "run_autograder");

    /// <summary>Gradescope's own defaults: 768 MB of memory; a whole run of the autograder gets a few minutes.</summary>
    private static readonly ResourceLimits GradescopeLimits = new()
    {
        TestTimeout = TimeSpan.FromMinutes(5),
        MemoryBytes = 768L * 1024 * 1024,
        Cpus = 1,
        Pids = 256,
        OutputBytes = 1024 * 1024,
        WorkspaceBytes = 256L * 1024 * 1024,
    };

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
            Limits = GradescopeLimits,
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
