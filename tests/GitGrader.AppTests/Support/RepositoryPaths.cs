namespace GitGrader.AppTests.Support;

/// <summary>Finds the repository (the folder holding GitGrader.sln) from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "assignment-templates");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GitGrader.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("GitGrader.sln not found above " + AppContext.BaseDirectory);
    }
}
