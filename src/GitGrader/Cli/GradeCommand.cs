using System.CommandLine;
using GitGrader.Core.Assignments;
using GitGrader.Core.Grading;
using GitGrader.Core.Reports;
using Spectre.Console;

namespace GitGrader.Cli;

/// <summary><c>gitgrader grade ASSIGNMENT_DIR SUBMISSION_DIR [--json | --markdown]</c>.</summary>
internal static class GradeCommand
{
    private static readonly Argument<DirectoryInfo> AssignmentArgument = new("ASSIGNMENT_DIR")
    {
        Description = "Assignment folder: assignment.yml and hidden/, or GitHub Classroom's autograding.json, or a Gradescope autograder/ folder.",
    };

    private static readonly Argument<DirectoryInfo> SubmissionArgument = new("SUBMISSION_DIR")
    {
        Description = "The student's working copy to grade.",
    };

    private static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "Print exactly one JSON document (the report) on stdout.",
    };

    private static readonly Option<bool> MarkdownOption = new("--markdown")
    {
        Description = "Print the report as the check run / pull request comment will show it.",
    };

    private static readonly Option<bool> RevealHiddenOption = new("--reveal-hidden")
    {
        Description = "Instructors only: include hidden tests' output and expected values in the report.",
    };

    public static Command Create()
    {
        var command = new Command("grade", "Grade a submission folder in a fresh, locked-down Docker sandbox and print the report. Exit codes: 0 graded (whatever the score), 2 bad input (the message names file, line and key), 3 could not grade (Docker engine, image, grader error: the message says how to fix it).")
        {
            AssignmentArgument, SubmissionArgument, JsonOption, MarkdownOption, RevealHiddenOption, CommonOptions.DockerHost, CommonOptions.Verbose,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(JsonOption) && result.GetValue(MarkdownOption))
            {
                result.AddError("--json and --markdown cannot be used together.");
            }
        });
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using var environment = new ConsoleEnvironment(parse.GetValue(CommonOptions.DockerHost), parse.GetValue(CommonOptions.Verbose));
        try
        {
            var assignment = await AssignmentLoader.LoadAsync(parse.GetRequiredValue(AssignmentArgument).FullName, cancellationToken);
            var submission = parse.GetRequiredValue(SubmissionArgument);
            if (!submission.Exists)
            {
                throw new DirectoryNotFoundException($"Submission folder '{submission.FullName}' does not exist.");
            }

            var grader = environment.Grader;
            var report = await grader.GradeAsync(
                assignment,
                new FolderSubmissionSource(submission.FullName),
                new GradeOptions { RevealHidden = parse.GetValue(RevealHiddenOption), Progress = environment.Progress(string.Empty) },
                cancellationToken);

            if (parse.GetValue(JsonOption))
            {
                Console.Out.WriteLine(JsonReportWriter.Write(report));
            }
            else if (parse.GetValue(MarkdownOption))
            {
                Console.Out.WriteLine(new MarkdownReportRenderer().Render(report));
            }
            else
            {
                TerminalReportRenderer.Render(environment.Output, report);
            }

            if (report.HasGraderError)
            {
                environment.Error.MarkupLine("[red]error:[/] some tests could not be run because of a grader error (see the report); the grade is not final.");
                return ExitCodes.GraderUnavailable;
            }

            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            return environment.Fail(ex);
        }
    }
}
