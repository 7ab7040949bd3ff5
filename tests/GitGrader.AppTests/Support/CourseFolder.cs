using System.Text.Json.Nodes;
using StandIn = GitGrader.GitHubStandIn.GitHubStandIn;

namespace GitGrader.AppTests.Support;

/// <summary>
/// An instructor's set-up on disk: the assignments folder (the python-wordcount template), a
/// GitHub Classroom roster, and the <c>gitgrader.json</c> that points GitGrader at the stand-in.
/// </summary>
public sealed class CourseFolder : IDisposable
{
    public const string Organization = "cs101-fall";
    public const string InstructorRepository = "cs101-fall/instructors";
    public const string Slug = "python-wordcount";

    private CourseFolder(string root) => Root = root;

    public string Root { get; }

    public string ConfigFile => Path.Combine(Root, "gitgrader.json");

    public string Database => Path.Combine(Root, "gitgrader.db");

    public string AssignmentsFolder => Path.Combine(Root, "assignments");

    public static string Starter => Path.Combine(RepositoryPaths.Templates, Slug, "starter");

    public static string Solution => Path.Combine(RepositoryPaths.Templates, Slug, "solution");

    /// <summary>Writes the folder; <paramref name="tune"/> edits the configuration (worker, summary, webhook sections).</summary>
    public static CourseFolder Create(StandIn gitHub, Action<JsonObject>? tune = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "gg-course-" + Guid.NewGuid().ToString("N"));
        var course = new CourseFolder(root);
        CopyTree(Path.Combine(RepositoryPaths.Templates, Slug), Path.Combine(course.AssignmentsFolder, Slug));
        File.WriteAllText(Path.Combine(root, "roster.csv"), """
            "identifier","github_username","github_id","name"
            "alice@uni.example","alice","1001","Alice Liddell"
            "bob@uni.example","bob","1002","Bob Builder"
            "carol@uni.example","","",""

            """);
        var config = new JsonObject
        {
            ["GitHub"] = new JsonObject
            {
                ["ApiBaseUrl"] = gitHub.ApiBaseUrl.AbsoluteUri,
                ["AppId"] = gitHub.AppId,
                ["PrivateKeyPath"] = gitHub.PrivateKeyPath,
                ["WebhookSecret"] = gitHub.WebhookSecret,
                ["RetryBaseDelay"] = "00:00:00.200",
            },
            ["Classroom"] = new JsonObject
            {
                ["Organization"] = Organization,
                ["InstructorRepository"] = InstructorRepository,
                ["AssignmentsFolder"] = course.AssignmentsFolder,
                ["RosterCsv"] = Path.Combine(root, "roster.csv"),
            },
            ["Storage"] = new JsonObject { ["Database"] = course.Database },
            ["Worker"] = new JsonObject
            {
                ["Concurrency"] = 2,
                ["Lease"] = "00:00:06",
                ["PollInterval"] = "00:00:00.500",
                ["RetryDelay"] = "00:00:01",
            },
            ["Summary"] = new JsonObject { ["Debounce"] = "00:00:01", ["PollInterval"] = "00:00:00.250" },
        };
        tune?.Invoke(config);
        File.WriteAllText(course.ConfigFile, config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return course;
    }

    /// <summary>Each test sleeps a second in the student's program, so a grade lasts long enough to be killed in.</summary>
    public static void SlowDown(string program)
    {
        var text = File.ReadAllText(program);
        File.WriteAllText(program, text.Replace("def main():\n", "def main():\n    __import__(\"time\").sleep(1)\n", StringComparison.Ordinal));
        if (!File.ReadAllText(program).Contains("sleep(1)", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{program} has no 'def main():' to slow down");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true);
        }
    }
}
