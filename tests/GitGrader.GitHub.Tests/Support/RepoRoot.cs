namespace GitGrader.GitHub.Tests.Support;

/// <summary>The checkout's root: the folder holding GitGrader.sln, found by walking up from the test binaries.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    /// <summary>The npm test-data folder (<c>tests/npm</c>).</summary>
    public static string NpmFolder => System.IO.Path.Combine(Path, "tests", "npm");

    /// <summary>A package under <c>tests/npm/node_modules</c>; fails with the command that installs it when absent.</summary>
    public static string NpmPackage(string name)
    {
        var folder = System.IO.Path.Combine(NpmFolder, "node_modules", name);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"The npm test data '{name}' is missing at {folder}. Run `npm ci --prefix tests/npm` in {Path} (CI's .ci/run does) and run the tests again.");
        }

        return folder;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GitGrader.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds GitGrader.sln.");
    }
}
