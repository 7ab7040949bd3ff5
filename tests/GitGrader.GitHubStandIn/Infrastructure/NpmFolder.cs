namespace GitGrader.GitHubStandIn.Infrastructure;

/// <summary>Finds <c>tests/npm</c> (GitHub's OpenAPI description, webhook examples, the validator) and checks it is installed.</summary>
internal static class NpmFolder
{
    /// <summary>Environment variable that points at the folder, when it is not found by walking up.</summary>
    public const string EnvironmentVariable = "GITGRADER_NPM_DIR";

    private const string InstallHint = "run `npm ci --prefix tests/npm` from the repository root";

    /// <summary>The folder holding <c>package.json</c> and <c>node_modules</c>, checked.</summary>
    public static string Locate(string? configured)
    {
        var folder = configured
            ?? Environment.GetEnvironmentVariable(EnvironmentVariable)
            ?? FindUpwards(AppContext.BaseDirectory)
            ?? FindUpwards(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException(
                $"The GitHub stand-in cannot find tests/npm above {AppContext.BaseDirectory}; set StandInOptions.NpmDirectory or {EnvironmentVariable}.");
        folder = Path.GetFullPath(folder);
        foreach (var required in new[]
        {
            "openapi-validator.mjs",
            "node_modules/@octokit/openapi/generated/api.github.com.deref.json",
            "node_modules/@octokit/webhooks-examples/api.github.com/index.json",
            "node_modules/ajv/package.json",
            "node_modules/ajv-formats/package.json",
        })
        {
            var path = Path.Combine(folder, required);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{path} is missing: {InstallHint}.");
            }
        }

        return folder;
    }

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "npm");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        return null;
    }
}
