using System.Text.Json.Nodes;
using GitGrader.AppTests.EndToEnd;
using GitGrader.AppTests.Support;

namespace GitGrader.AppTests.Integration;

/// <summary>
/// <c>gitgrader serve --config X</c> with one mistake in X: exit code 2 and one <c>error:</c> message
/// (stderr) naming the file, line or key, before the store is touched and without a stack trace.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly ConfigurationFolder _folder = ConfigurationFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_ValidConfiguration_AnswersHealthz()
    {
        // The control: every other test breaks exactly one thing in this configuration.
        await using var server = await ServerProcess.StartServeAsync(_folder.ConfigFile, _folder.Root);

        Assert.False(server.HasExited);
        Assert.True(File.Exists(_folder.Database));
    }

    [Fact]
    public async Task Serve_ConfigFileNotJson_Exits2NamingTheFile()
    {
        var file = Path.Combine(_folder.Root, "broken.json");
        await File.WriteAllTextAsync(file, "{ \"GitHub\": { \"AppId\": 4242, }\n  Classroom: nope\n");

        var error = await ServeFailsAsync(file);

        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ConfigFileMissing_Exits2NamingTheFile()
    {
        var file = Path.Combine(_folder.Root, "nowhere.json");

        var error = await ServeFailsAsync(file);

        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MissingClassroomOrganization_Exits2NamingTheKey()
    {
        _folder.Write(config => config["Classroom"]!.AsObject().Remove("Organization"));

        var error = await ServeFailsAsync(_folder.ConfigFile);

        Assert.Contains("Classroom:Organization", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_BrokenAssignmentYml_Exits2NamingTheFileLineAndKey()
    {
        var yml = Path.Combine(_folder.AssignmentsFolder, CourseFolder.Slug, "assignment.yml");
        var text = await File.ReadAllTextAsync(yml);
        var firstPoints = text.IndexOf("points:", StringComparison.Ordinal);
        Assert.True(firstPoints > 0, "the template has no points key to misspell");
        await File.WriteAllTextAsync(yml, text[..firstPoints] + "pionts:" + text[(firstPoints + "points:".Length)..]);
        var line = text[..firstPoints].Count(c => c == '\n') + 1;

        var error = await ServeFailsAsync(_folder.ConfigFile);

        Assert.Contains($"{yml}:{line}", error, StringComparison.Ordinal);
        Assert.Contains("pionts", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_RosterWithADuplicateLogin_Exits2NamingFileAndLine()
    {
        await File.WriteAllTextAsync(_folder.RosterFile, "identifier,github_username,github_id,name\nalice@uni.example,alice,1001,Alice\nbob@uni.example,bob,1002,Bob\nalice2@uni.example,Alice,1003,Alice Again\n");

        var error = await ServeFailsAsync(_folder.ConfigFile);

        Assert.Contains($"{_folder.RosterFile}:4", error, StringComparison.Ordinal);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PrivateKeyPathToAMissingFile_Exits2NamingTheKey()
    {
        var missing = Path.Combine(_folder.Root, "no-such-key.pem");
        _folder.Write(config => config["GitHub"]!["PrivateKeyPath"] = missing);

        var error = await ServeFailsAsync(_folder.ConfigFile);

        Assert.Contains("GitHub:PrivateKeyPath", error, StringComparison.Ordinal);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WorkerConcurrencyZero_Exits2NamingTheKeyInItsOwnWords()
    {
        _folder.Write(config => config["Worker"]!["Concurrency"] = 0);

        var error = await ServeFailsAsync(_folder.ConfigFile);

        Assert.Equal("error: Worker:Concurrency must be between 1 and 256.", error);
    }

    [Fact]
    public async Task Serve_SeveralSectionsWrong_Exits2NamingEveryProblemAtOnce()
    {
        _folder.Write(config =>
        {
            config["Worker"]!["Concurrency"] = 0;
            config["GitHub"]!["PrivateKeyPath"] = Path.Combine(_folder.Root, "no-such-key.pem");
            config["Webhook"] = new JsonObject { ["MaxBodyBytes"] = 10 };
        });

        var error = await ServeFailsAsync(_folder.ConfigFile);

        Assert.Contains("Worker:Concurrency", error, StringComparison.Ordinal);
        Assert.Contains("GitHub:PrivateKeyPath", error, StringComparison.Ordinal);
        Assert.Contains("Webhook:MaxBodyBytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_WorkerConcurrencyZero_Exits2NamingTheKey()
    {
        _folder.Write(config => config["Worker"]!["Concurrency"] = 0);

        var (exitCode, output) = await ServerProcess.RunToEndAsync(_folder.Root, "worker", "--config", _folder.ConfigFile);

        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
        Assert.Contains("error: Worker:Concurrency must be between 1 and 256.", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.Database), "the worker migrated the database before it checked its configuration");
    }

    /// <summary>Runs serve to the end; asserts exit code 2, an <c>error:</c> message, no stack trace, no database; returns the message.</summary>
    private async Task<string> ServeFailsAsync(string configFile)
    {
        var (exitCode, output) = await ServerProcess.RunToEndAsync(_folder.Root, "serve", "--urls", "http://127.0.0.1:0", "--config", configFile);

        Assert.True(exitCode == 2, $"exit code {exitCode}, expected 2 (bad input):\n{output}");
        var start = output.IndexOf("error: ", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no 'error:' message:\n{output}");
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.Database), $"serve created the database before it checked its configuration:\n{output}");
        return output[start..].Trim();
    }
}
