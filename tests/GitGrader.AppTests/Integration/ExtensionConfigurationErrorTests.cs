using System.Text.Json.Nodes;
using GitGrader.AppTests.EndToEnd;
using GitGrader.AppTests.Support;

namespace GitGrader.AppTests.Integration;

/// <summary>Extensions are checked at start: every bad one stops <c>serve</c> and <c>export</c> with exit code 2, each named by file and line or key, all at once.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ExtensionConfigurationErrorTests : IDisposable
{
    private readonly ConfigurationFolder _folder = ConfigurationFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("serve", "--urls", "http://127.0.0.1:0")]
    [InlineData("export")]
    public async Task BadExtensions_Exit2NamingEachFileLineAndKey(params string[] verb)
    {
        var folder = Path.Combine(_folder.AssignmentsFolder, CourseFolder.Slug);
        var yaml = Path.Combine(folder, "assignment.yml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("\ntests:\n", "\ndeadline: 2026-12-15T23:59:00Z\n\ntests:\n", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "extensions.csv"), "github_username,until\nalice,next week\nbob,2026-12-18T23:59:00Z\n");
        _folder.Write(config => config["Classroom"]!["Extensions"] = new JsonArray(
            new JsonObject { ["Assignment"] = CourseFolder.Slug, ["Student"] = "bob", ["Until"] = "2026-12-19T23:59:00Z" }));

        var (exitCode, output) = await ServerProcess.RunToEndAsync(_folder.Root, [.. verb, "--config", _folder.ConfigFile]);

        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
        Assert.Contains("extensions.csv:2: until: expected a date and time such as", output, StringComparison.Ordinal);
        Assert.Contains("Classroom:Extensions:0: a second extension for 'bob' on 'python-wordcount' (the first is at ", output, StringComparison.Ordinal);
        Assert.Contains("extensions.csv:3)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.Database));
    }
}
