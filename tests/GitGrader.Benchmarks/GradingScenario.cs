using GitGrader.Core.Assignments;

namespace GitGrader.Benchmarks;

/// <summary>What both approaches grade: an assignment template and its reference solution.</summary>
public sealed class GradingScenario
{
    /// <summary>The template benchmarked unless <c>GITGRADER_BENCH_TEMPLATE</c> names another one.</summary>
    public const string DefaultTemplate = "python-wordcount";

    private GradingScenario(string repositoryRoot, Assignment assignment)
    {
        RepositoryRoot = repositoryRoot;
        Assignment = assignment;
    }

    /// <summary>The folder holding GitGrader.sln.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The assignment, loaded once.</summary>
    public Assignment Assignment { get; }

    /// <summary>The submission graded: the template's reference solution.</summary>
    public string SolutionDirectory => Assignment.SolutionDirectory;

    /// <summary>Loads <c>assignment-templates/&lt;template&gt;</c> of the repository this program runs from.</summary>
    public static async Task<GradingScenario> LoadAsync(CancellationToken cancellationToken)
    {
        var template = Environment.GetEnvironmentVariable("GITGRADER_BENCH_TEMPLATE");
        if (string.IsNullOrWhiteSpace(template))
        {
            template = DefaultTemplate;
        }

        var root = FindRepositoryRoot();
        var assignment = await AssignmentLoader.LoadAsync(Path.Combine(root, "assignment-templates", template), cancellationToken);
        if (!Directory.Exists(assignment.SolutionDirectory))
        {
            throw new InvalidOperationException($"The template '{template}' has no solution/ folder to grade.");
        }

        return new GradingScenario(root, assignment);
    }

    /// <summary>
    /// Walks up from this program's folder (BenchmarkDotNet runs a copy from a folder under bin/), then
    /// from the current folder, to the first folder that holds GitGrader.sln.
    /// </summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GitGrader.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"GitGrader.sln was not found above {AppContext.BaseDirectory} nor above {Environment.CurrentDirectory}; run the benchmarks from the repository.");
    }
}
