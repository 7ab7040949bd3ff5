using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using GitGrader.AppTests.Support;

namespace GitGrader.AppTests.EndToEnd;

/// <summary>
/// <c>serve</c> builds each assignment's prepared image at start, before any push: the real process, the real Docker
/// engine, two Gradescope autograders (one whose <c>setup.sh</c> fails).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class ImagePreparationAtStartTests
{
    [Fact]
    public async Task Serve_BuildsEachAssignmentsImageAtStartWithoutAPush_AndAFailedSetupIsLoggedWithItsLine_LeavesNothingBehind_AndStopsNeitherServeNorTheOthers()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var broken = $"a-prep-broken-{run}";
        var good = $"b-prep-good-{run}";
        await using var scenario = await AppScenario.StartAsync(startServer: false);
        try
        {
            WriteAutograder(scenario.Course.AssignmentsFolder, broken, $"set -e\necho 'setting up {run}'\nfalse\necho never\n");
            WriteAutograder(scenario.Course.AssignmentsFolder, good, $"echo 'setting up {run}'\nmkdir -p /autograder/ready\n");

            var server = await scenario.StartServerAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
            while (!server.Output.Contains("Images prepared at start:", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                Assert.False(server.HasExited, server.Output);
                await Task.Delay(250);
            }

            var output = server.Output;
            Assert.True(output.Contains("Images prepared at start: 1 built or found, 1 failed, of 3 assignment(s)", StringComparison.Ordinal), output);
            var prepared = Prepared().Match(output);
            Assert.True(prepared.Success, output);
            Assert.Equal(good, prepared.Groups["slug"].Value);
            var tag = prepared.Groups["tag"].Value;
            Assert.StartsWith($"gitgrader-autograder/{good}:", tag, StringComparison.Ordinal);
            Assert.Equal([tag], await ImageTagsAsync($"gitgrader-autograder/{good}"));

            // The failure names the assignment, the line of setup.sh and its output; nothing of its build is left.
            Assert.Contains($"Image of assignment {broken} could not be prepared", output, StringComparison.Ordinal);
            Assert.Contains("line 4: false", output, StringComparison.Ordinal);
            Assert.Contains($"setting up {run}", output, StringComparison.Ordinal);
            Assert.Empty(await ImageTagsAsync($"gitgrader-autograder/{broken}"));

            // No push was made, and serve still answers.
            Assert.Empty(scenario.GitHub.CheckRuns);
            using var http = new HttpClient();
            using var health = await http.GetAsync(new Uri(server.BaseUrl, "healthz"));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.False(server.HasExited);
        }
        finally
        {
            foreach (var slug in new[] { broken, good })
            {
                foreach (var tag in await ImageTagsAsync($"gitgrader-autograder/{slug}"))
                {
                    await DockerAsync("image", "rm", "--force", tag);
                }
            }
        }
    }

    private static void WriteAutograder(string assignments, string slug, string setup)
    {
        var autograder = Path.Combine(assignments, slug, "autograder");
        Directory.CreateDirectory(autograder);
        File.WriteAllText(Path.Combine(autograder, "setup.sh"), "#!/usr/bin/env bash\n" + setup);
        File.WriteAllText(Path.Combine(autograder, "run_autograder"), "#!/usr/bin/env bash\necho '{\"score\": 1}' > /autograder/results/results.json\n");
    }

    private static async Task<IReadOnlyList<string>> ImageTagsAsync(string repository)
    {
        var output = await DockerAsync("image", "ls", repository, "--format", "{{.Repository}}:{{.Tag}}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static async Task<string> DockerAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var docker = Process.Start(start)!;
        var errors = docker.StandardError.ReadToEndAsync();
        var output = await docker.StandardOutput.ReadToEndAsync();
        await docker.WaitForExitAsync();
        Assert.True(docker.ExitCode == 0, $"docker {string.Join(' ', arguments)}: {await errors}");
        return output;
    }

    [GeneratedRegex(@"Image of assignment (?<slug>\S+) prepared: (?<tag>\S+) \(\d+ ms\)")]
    private static partial Regex Prepared();
}
