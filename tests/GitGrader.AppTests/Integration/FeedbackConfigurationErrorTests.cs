using System.Text.Json.Nodes;
using GitGrader.AppTests.EndToEnd;
using GitGrader.AppTests.Support;

namespace GitGrader.AppTests.Integration;

/// <summary>Feedback limits are checked at start: a bad override or a bad <c>feedback:</c> stops <c>serve</c> with exit code 2, naming the key or the file and line.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FeedbackConfigurationErrorTests : IDisposable
{
    private readonly ConfigurationFolder _folder = ConfigurationFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_OverrideForAnUnknownAssignment_Exits2NamingTheKey()
    {
        AddFeedback("feedback: { hidden_results_per_day: 3 }");
        _folder.Write(config => config["Classroom"]!["FeedbackOverrides"] = new JsonArray(
            new JsonObject { ["Student"] = "alice", ["Assignment"] = "python-wordcont", ["HiddenResultsPerDay"] = 6 }));

        var (exitCode, output) = await ServerProcess.RunToEndAsync(_folder.Root, "serve", "--urls", "http://127.0.0.1:0", "--config", _folder.ConfigFile);

        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
        Assert.Contains("Classroom:FeedbackOverrides:0:Assignment: no assignment 'python-wordcont'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.Database));
    }

    [Fact]
    public async Task Serve_MisspeltFeedbackTimeZone_Exits2NamingFileLineAndSuggestion()
    {
        AddFeedback("feedback:\n  hidden_results_per_day: 3\n  time_zone: Europe/Berln");

        var (exitCode, output) = await ServerProcess.RunToEndAsync(_folder.Root, "serve", "--urls", "http://127.0.0.1:0", "--config", _folder.ConfigFile);

        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
        Assert.Matches(@"assignment\.yml:\d+: feedback\.time_zone: unknown time zone 'Europe/Berln'; did you mean 'Europe/Berlin'\?", output);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private void AddFeedback(string lines)
    {
        var file = Path.Combine(_folder.AssignmentsFolder, CourseFolder.Slug, "assignment.yml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\ntests:\n", $"\n{lines}\n\ntests:\n", StringComparison.Ordinal));
    }
}
