using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitGrader.AppTests.Support;

namespace GitGrader.AppTests.Integration;

/// <summary>
/// A complete, valid <c>gitgrader.json</c> in a temporary folder (App key, assignments, roster, SQLite
/// file) that needs no GitHub: tests break one thing in it and run <c>gitgrader serve</c>.
/// </summary>
public sealed class ConfigurationFolder : IDisposable
{
    private ConfigurationFolder(string root) => Root = root;

    public string Root { get; }

    public string ConfigFile => Path.Combine(Root, "gitgrader.json");

    public string KeyFile => Path.Combine(Root, "app-key.pem");

    public string AssignmentsFolder => Path.Combine(Root, "assignments");

    public string RosterFile => Path.Combine(Root, "roster.csv");

    public string Database => Path.Combine(Root, "gitgrader.db");

    public static ConfigurationFolder Create()
    {
        var folder = new ConfigurationFolder(Path.Combine(Path.GetTempPath(), "gg-config-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(folder.Root);
        using (var rsa = RSA.Create(2048))
        {
            File.WriteAllText(folder.KeyFile, rsa.ExportRSAPrivateKeyPem());
        }

        CopyTree(Path.Combine(RepositoryPaths.Templates, CourseFolder.Slug), Path.Combine(folder.AssignmentsFolder, CourseFolder.Slug));
        File.WriteAllText(folder.RosterFile, "identifier,github_username,github_id,name\nalice@uni.example,alice,1001,Alice\nbob@uni.example,bob,1002,Bob\n");
        folder.Write(_ => { });
        return folder;
    }

    /// <summary>The valid configuration, as JSON (a fresh copy).</summary>
    public JsonObject Valid() => new()
    {
        ["GitHub"] = new JsonObject
        {
            // Nothing listens there: serve never needs GitHub to start.
            ["ApiBaseUrl"] = "http://127.0.0.1:9/api/v3/",
            ["AppId"] = 4242,
            ["AppSlug"] = "gitgrader-test",
            ["PrivateKeyPath"] = KeyFile,
            ["WebhookSecret"] = "not-a-real-secret",
        },
        ["Classroom"] = new JsonObject
        {
            ["Organization"] = CourseFolder.Organization,
            ["InstructorRepository"] = CourseFolder.InstructorRepository,
            ["AssignmentsFolder"] = AssignmentsFolder,
            ["RosterCsv"] = RosterFile,
        },
        ["Storage"] = new JsonObject { ["Database"] = Database },
        ["Worker"] = new JsonObject { ["Concurrency"] = 1 },
    };

    /// <summary>Writes the valid configuration after <paramref name="edit"/>.</summary>
    public void Write(Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var config = Valid();
        edit(config);
        File.WriteAllText(ConfigFile, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
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
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true);
        }
    }
}
