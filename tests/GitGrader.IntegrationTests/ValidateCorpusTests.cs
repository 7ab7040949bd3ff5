using System.Text.RegularExpressions;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading.Dependencies;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>
/// <c>gitgrader validate</c> on every assignment of the corpus (issue 10), as an instructor moving it over runs it:
/// it passes, and it says which image it prepared (a Gradescope autograder's, or the one its dependency installs
/// ran into, by its tag), each install it prepared, and every warning the assignment's files gave. Maven and pip
/// prepare through the test-side stand-ins for Maven Central and PyPI, configured as a course configures its mirror.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed partial class ValidateCorpusTests(RegistryMirrors mirrors) : IClassFixture<RegistryMirrors>
{
    public static TheoryData<string> Cases() => ClassroomCorpusTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Validate_EveryCorpusCase_PassesAndPrintsTheImageItPrepared_EachInstall_AndEveryWarning(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, name);
        var assignment = await AssignmentLoader.LoadAsync(folder, CancellationToken.None);
        var installs = assignment.Format == AssignmentFormat.Gradescope ? [] : DependencyScanner.Scan(assignment);

        var mirrorSettings = new Dictionary<string, string>
        {
            ["GITGRADER_Dependencies__MavenMirror"] = mirrors.Options.MavenMirror!,
            ["GITGRADER_Dependencies__PipIndexUrl"] = mirrors.Options.PipIndexUrl!,
        };

        // A Maven case prepares (about 45 s here) and then runs two Maven builds: more than the default cut-off.
        var result = await CliRunner.RunAsync(mirrorSettings, TimeSpan.FromMinutes(10), "validate", name);

        Assert.True(result.ExitCode == 0, result.ToString());
        // The terminal wraps long lines, sometimes inside a word: compared without any white space.
        var flat = Flat(result.Stdout);
        Assert.Contains(Flat("OK: the solution gets full marks and the starter gets less."), flat, StringComparison.Ordinal);
        Assert.Contains(Flat("image: " + assignment.Image), flat, StringComparison.Ordinal);
        if (assignment.Format == AssignmentFormat.Gradescope)
        {
            Assert.Matches(Regex.Escape(Flat("with the autograder built in once (its setup.sh run with network, as root) as ")) + Regex.Escape("gitgrader-autograder/" + assignment.Slug + ":") + "[0-9a-f]{16}-[0-9a-f]{12}", flat);
        }
        else if (installs.Count > 0)
        {
            Assert.Matches(Regex.Escape(Flat("prepared once with network into ") + PreparedImage.RepositoryOf(assignment) + ":") + "[0-9a-f]{16}-[0-9a-f]{12}", flat);
            Assert.All(installs, i => Assert.Contains(Flat($"{i.Manager.ToString().ToLowerInvariant()}: {i.Command} ({i.Where})"), flat, StringComparison.Ordinal));
        }
        else
        {
            Assert.DoesNotContain(Flat("prepared once with network"), flat, StringComparison.Ordinal);
        }

        Assert.All(assignment.Warnings, w => Assert.Contains(Flat("warning: " + w), flat, StringComparison.Ordinal));
    }

    private static string Flat(string text) => WhiteSpace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
