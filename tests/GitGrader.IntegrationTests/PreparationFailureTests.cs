using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Grading.Dependencies;
using GitGrader.Core.Sandboxing;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>
/// A dependency preparation that fails after one that worked (issue 10): it names the install and shows its output,
/// and nothing is half-built or deleted: the last good prepared image stays, and no layer of the failed build is left.
/// The assignment's folder has a name of its own, so no other test's preparation supersedes its image meanwhile.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class PreparationFailureTests : IDisposable
{
    private readonly DockerFixture _docker;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gg-prepfail-" + Guid.NewGuid().ToString("N"));
    private readonly string _folder;

    public PreparationFailureTests(DockerFixture docker)
    {
        _docker = docker;
        _folder = Path.Combine(_root, "prep-keep-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(Submission);
        File.WriteAllText(Path.Combine(Submission, "main.js"), "console.log(1);\n");
        File.WriteAllText(Path.Combine(_folder, "autograding.json"), """
            {"tests": [{"name": "pads", "setup": "npm install", "run": "node -e \"process.exit(require('left-pad')('7', 3, '0') === '007' ? 0 : 1)\"", "points": 1}]}
            """);
    }

    private string Submission => Path.Combine(_root, "submission");

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task AnNpmInstallThatFailsAfterAGoodPreparation_NamesTheInstallWithItsOutput_KeepsTheLastGoodImage_AndLeavesNoLayer()
    {
        var repository = string.Empty;
        try
        {
            Manifest("""{"name": "pads", "version": "1.0.0", "dependencies": {"left-pad": "1.3.0"}}""");
            var assignment = await AssignmentLoader.LoadAsync(_folder, CancellationToken.None);
            repository = PreparedImage.RepositoryOf(assignment);
            var grader = new Grader(_docker.Sandbox);
            var report = await grader.GradeAsync(assignment, Submission, new GradeOptions { RevealHidden = true }, CancellationToken.None);
            Assert.True(report.Score == 1, string.Join("; ", report.Tests.Select(t => $"{t.Name}: {t.Status} {t.Message} {t.Output}")));
            var good = await _docker.Engine.ListImageTagsAsync(repository, CancellationToken.None);
            Assert.Single(good);
            var dangling = await DanglingImagesAsync();

            Manifest("""{"name": "pads", "version": "1.0.0", "dependencies": {"left-pad": "1.3.0", "gitgrader-no-such-package-4711": "1.0.0"}}""");
            var changed = await AssignmentLoader.LoadAsync(_folder, CancellationToken.None);
            var failure = await Assert.ThrowsAsync<SandboxException>(() => grader.PrepareImageAsync(changed, null, CancellationToken.None));

            Assert.Contains("the dependency install 'npm install' (the setup of test 'pads') failed", failure.Message, StringComparison.Ordinal);
            Assert.Contains("gitgrader-no-such-package-4711", failure.Message[(failure.Message.IndexOf('\n', StringComparison.Ordinal) + 1)..], StringComparison.Ordinal);
            Assert.Equal(good, await _docker.Engine.ListImageTagsAsync(repository, CancellationToken.None));
            Assert.Equal(dangling, await DanglingImagesAsync());
        }
        finally
        {
            if (repository.Length > 0)
            {
                foreach (var tag in await _docker.Engine.ListImageTagsAsync(repository, CancellationToken.None))
                {
                    await _docker.Engine.TryRemoveImageAsync(tag, CancellationToken.None);
                }
            }
        }
    }

    /// <summary>The instructor's manifest, and the student's (the same, as in the template repository).</summary>
    private void Manifest(string json)
    {
        File.WriteAllText(Path.Combine(_folder, "package.json"), json);
        File.WriteAllText(Path.Combine(Submission, "package.json"), json);
    }

    private static async Task<string> DanglingImagesAsync()
    {
        using var docker = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("docker", ["images", "-q", "--filter", "dangling=true"]) { RedirectStandardOutput = true })!;
        var listing = await docker.StandardOutput.ReadToEndAsync();
        await docker.WaitForExitAsync();
        return string.Join(',', listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
    }
}
