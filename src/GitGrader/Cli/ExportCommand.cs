using System.CommandLine;
using GitGrader.Hosting;
using GitGrader.Reporting;
using GitGrader.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.Cli;

/// <summary><c>gitgrader export</c>: the grade book as CSV, from the store <c>serve</c> writes.</summary>
internal static class ExportCommand
{
    private static readonly Option<string?> AssignmentOption = new("--assignment")
    {
        Description = "Only this assignment (slug). Default: every assignment in Classroom:AssignmentsFolder.",
    };

    private static readonly Option<FileInfo?> OutputOption = new("--output", "-o")
    {
        Description = "Write the CSV to this file instead of stdout.",
    };

    public static Command Create()
    {
        var command = new Command("export", """
            Print the grade book as CSV: one row per assignment and student (roster students without a submission
            included) with best and latest score, max, latest commit, when it was received (UTC), late, attempts,
            then the recorded score (late policy and counts:, against the student's own deadline), the raw score,
            the penalty, days late, the counted commit, the deadline used and whether it is an extension.
            Reads the same configuration and database as serve.
            """)
        {
            AssignmentOption, OutputOption, HostOptions.Config, HostOptions.Database,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        try
        {
            using var host = await GitGraderHost.BuildExportAsync(HostOptions.Settings(parse), cancellationToken);
            var csv = await host.Services.GetRequiredService<GradeBookExporter>().ExportAsync(parse.GetValue(AssignmentOption), cancellationToken);
            if (parse.GetValue(OutputOption) is { } output)
            {
                await File.WriteAllTextAsync(output.FullName, csv, cancellationToken);
                await Console.Error.WriteLineAsync($"wrote {output.FullName}");
            }
            else
            {
                await Console.Out.WriteAsync(csv);
            }

            return ExitCodes.Success;
        }
        catch (Exception ex) when (HostOptions.IsConfigurationError(ex) || ex is GradingStoreException)
        {
            await Console.Error.WriteLineAsync($"error: {HostOptions.Describe(ex)}");
            return ExitCodes.BadInput;
        }
    }
}
