using System.CommandLine;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Grading.Dependencies;
using GitGrader.Core.Reports;
using Spectre.Console;

namespace GitGrader.Cli;

/// <summary>
/// <c>gitgrader validate ASSIGNMENT_DIR</c>: the reference solution must get full marks and the
/// starter less; says which test misbehaves and shows what it printed (hidden ones included).
/// </summary>
internal static class ValidateCommand
{
    private static readonly Argument<DirectoryInfo> AssignmentArgument = new("ASSIGNMENT_DIR")
    {
        Description = "Assignment folder (assignment.yml, autograding.json or a Gradescope autograder/) with starter/ and solution/.",
    };

    private static readonly Option<FileInfo?> ConfigOption = new("--config")
    {
        Description = "The course's configuration (as serve reads it): also check this assignment's Classroom:Extensions, and every extension's login against the roster.",
    };

    public static Command Create()
    {
        var command = new Command("validate", "Check an assignment: its solution/ must get full marks and its starter/ less. Exits 1 when a test misbehaves.")
        {
            AssignmentArgument, ConfigOption, CommonOptions.DockerHost, CommonOptions.Verbose,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using var environment = new ConsoleEnvironment(parse.GetValue(CommonOptions.DockerHost), parse.GetValue(CommonOptions.Verbose));
        try
        {
            var assignment = await AssignmentLoader.LoadAsync(parse.GetRequiredValue(AssignmentArgument).FullName, cancellationToken);
            foreach (var folder in new[] { assignment.SolutionDirectory, assignment.StarterDirectory })
            {
                if (!Directory.Exists(folder))
                {
                    throw new DirectoryNotFoundException($"{assignment.Slug}: '{folder}' does not exist; validate needs both solution/ and starter/.");
                }
            }

            var config = parse.GetValue(ConfigOption);
            var deadlines = await ValidationDeadlines.LoadAsync(assignment, config, cancellationToken);
            var grader = environment.Grader;

            // The one-time preparation first, with network (a failure names the command and shows its output).
            var prepared = await grader.PrepareImageAsync(assignment, environment.Progress(string.Empty), cancellationToken);
            var solution = await grader.GradeAsync(assignment, new FolderSubmissionSource(assignment.SolutionDirectory), Options(environment, "solution: "), cancellationToken);
            var starter = await grader.GradeAsync(assignment, new FolderSubmissionSource(assignment.StarterDirectory), Options(environment, "starter: "), cancellationToken);
            var problems = ValidationRules.Check(solution, starter);

            Render(environment.Output, assignment, prepared, solution, starter, problems, ValidationDeadlines.Describe(assignment, deadlines, config is not null));
            if (solution.HasGraderError || starter.HasGraderError)
            {
                return ExitCodes.GraderUnavailable;
            }

            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.ValidationFailed;
        }
        catch (Exception ex)
        {
            return environment.Fail(ex);
        }
    }

    private static GradeOptions Options(ConsoleEnvironment environment, string prefix) =>
        new() { RevealHidden = true, Progress = environment.Progress(prefix) };

    private static void Render(IAnsiConsole console, Assignment assignment, string? prepared, GradeReport solution, GradeReport starter, IReadOnlyList<ValidationProblem> problems, IReadOnlyList<(bool Warning, string Text)> deadlineLines)
    {
        console.Write(new Rule($"[bold]validate {TerminalText.Escape(assignment.Slug)}[/]").LeftJustified());
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Test").AddColumn("Visibility").AddColumn("Solution").AddColumn("Starter");
        var starterByName = starter.Tests.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var test in solution.Tests)
        {
            starterByName.TryGetValue(test.Name, out var fromStarter);
            table.AddRow(
                TerminalText.Escape(test.Name),
                test.Visibility.ToString(),
                Cell(test),
                fromStarter is null ? "[grey]—[/]" : Cell(fromStarter));
        }

        console.Write(table);
        var installs = assignment.Format == AssignmentFormat.Gradescope ? [] : DependencyScanner.Scan(assignment);
        console.MarkupLine(
            assignment.Format == AssignmentFormat.Gradescope
                ? $"image: {TerminalText.Escape(assignment.Image)}, with the autograder built in once (its setup.sh run with network, as root) as {TerminalText.Escape(prepared ?? string.Empty)}"
                : installs.Count == 0
                    ? $"image: {TerminalText.Escape(assignment.Image)}"
                    : $"image: {TerminalText.Escape(assignment.Image)}, prepared once with network into {TerminalText.Escape(prepared ?? PreparedImage.RepositoryOf(assignment))} (from the manifests of {TerminalText.Escape(Path.GetFileName(PreparedImage.ManifestFolder(assignment)))}/), so that grading runs offline:");
        foreach (var install in installs)
        {
            console.MarkupLine($"  {install.Manager.ToString().ToLowerInvariant()}: {TerminalText.Escape(install.Command)} [grey]({TerminalText.Escape(install.Where)})[/]");
        }

        foreach (var warning in assignment.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        console.MarkupLine($"solution: [bold]{TerminalReportRenderer.Points(solution.Score)}/{TerminalReportRenderer.Points(solution.MaxScore)}[/] in {solution.DurationMs:N0} ms   starter: [bold]{TerminalReportRenderer.Points(starter.Score)}/{TerminalReportRenderer.Points(starter.MaxScore)}[/] in {starter.DurationMs:N0} ms");
        if (assignment.Feedback is { } feedback)
        {
            console.MarkupLine(Markup.Escape($"feedback: hidden results shown {feedback.HiddenResultsPerDay} time(s) a day per student; the count starts again at {feedback.ResetsAt:HH':'mm} {feedback.TimeZone.Id}"));
        }

        foreach (var (warning, text) in deadlineLines)
        {
            console.MarkupLine(warning ? $"[yellow]warning:[/] {TerminalText.Escape(text)}" : TerminalText.Escape(text));
        }

        if (problems.Count == 0)
        {
            console.MarkupLine("[green]OK:[/] the solution gets full marks and the starter gets less.");
            return;
        }

        foreach (var problem in problems)
        {
            console.MarkupLine($"[red]problem:[/] {TerminalText.Escape(problem.Message)}");
            if (!string.IsNullOrWhiteSpace(problem.Detail))
            {
                foreach (var line in problem.Detail.TrimEnd('\n').Split('\n').Take(40))
                {
                    console.MarkupLine("    " + TerminalText.EscapeOutputLine(line));
                }
            }
        }
    }

    private static string Cell(TestResult test) =>
        (test.Status == TestStatus.Passed ? "[green]" : "[red]") + TerminalText.Escape($"{test.Status} {TerminalReportRenderer.Points(test.Score)}/{TerminalReportRenderer.Points(test.MaxScore)}") + "[/]";
}
