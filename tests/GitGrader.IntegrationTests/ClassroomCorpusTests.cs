using System.Globalization;
using System.Text.RegularExpressions;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.IntegrationTests.Support;

namespace GitGrader.IntegrationTests;

/// <summary>
/// The corpus of tests/corpus (issue 10): assignments in Classroom's and Gradescope's formats, written in the
/// patterns of real ones, each graded for its starter and its solution in the real sandbox, offline, against the
/// score Classroom or Gradescope would have given (expected.txt). Maven and pip are prepared through the test's
/// stand-ins for Maven Central and PyPI (<see cref="RegistryMirrors"/>), as a course configures its own mirror.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed partial class ClassroomCorpusTests : IClassFixture<RegistryMirrors>
{
    private readonly DockerFixture _docker;
    private readonly RegistryMirrors _mirrors;

    public ClassroomCorpusTests(DockerFixture docker, RegistryMirrors mirrors)
    {
        _docker = docker;
        _mirrors = mirrors;
    }

    public static string CorpusRoot => Path.Combine(RepositoryPaths.Root, "tests", "corpus");

    /// <summary>The corpus's folders, and the assignment templates that came from it (those with an <c>expected.txt</c>), relative to the repository.</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in CaseFolders())
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, folder));
        }

        return data;
    }

    [Fact]
    public void TheCorpus_HoldsAtLeastTwelveAssignments_EachWithItsExpectedScores()
    {
        var corpus = Directory.GetDirectories(CorpusRoot);
        var cases = CaseFolders();

        Assert.True(cases.Count >= 12, $"the corpus has {cases.Count} assignments");
        Assert.All(corpus, c => Assert.True(File.Exists(Path.Combine(c, "expected.txt")), c));
        Assert.True(cases.Count - corpus.Length >= 2, "at least two of the corpus's assignments are templates");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_GradesAsClassroomOrGradescopeWould(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, name);
        var expected = Expected(folder);
        var assignment = await AssignmentLoader.LoadAsync(folder, CancellationToken.None);
        var grader = new Grader(_docker.Sandbox, dependencies: _mirrors.Options);

        foreach (var (submission, (score, max)) in expected)
        {
            var report = await grader.GradeAsync(assignment, Path.Combine(folder, submission), new GradeOptions { RevealHidden = true }, CancellationToken.None);

            var detail = string.Join("; ", report.Tests.Select(t => $"{t.Name}: {t.Status} {t.Score}/{t.MaxScore} {t.Message} {t.Output}"));
            Assert.False(report.HasGraderError, $"{name}/{submission}: {detail}");
            Assert.True(score == report.Score && max == report.MaxScore, $"{name}/{submission}: expected {score}/{max}, got {report.Score}/{report.MaxScore}: {detail}");
        }
    }

    private static List<string> CaseFolders() =>
        Directory.GetDirectories(CorpusRoot)
            .Concat(Directory.GetDirectories(RepositoryPaths.Templates).Where(t => File.Exists(Path.Combine(t, "expected.txt"))))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static Dictionary<string, (double Score, double Max)> Expected(string folder)
    {
        var expected = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(folder, "expected.txt")))
        {
            if (ExpectedLine().Match(line) is { Success: true } match)
            {
                expected[match.Groups["who"].Value] = (
                    double.Parse(match.Groups["score"].Value, CultureInfo.InvariantCulture),
                    double.Parse(match.Groups["max"].Value, CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(["solution", "starter"], expected.Keys.Order(StringComparer.Ordinal));
        return expected;
    }

    [GeneratedRegex(@"^(?<who>starter|solution) (?<score>[0-9.]+)/(?<max>[0-9.]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectedLine();
}
