using System.CommandLine;

namespace GitGrader.Cli;

/// <summary><c>gitgrader import-classroom FOLDER --output DIR</c>: a GitHub Classroom export made into GitGrader's configuration.</summary>
internal static class ImportClassroomCommand
{
    private static readonly Argument<DirectoryInfo> ExportArgument = new("FOLDER")
    {
        Description = "The folder classroom-export-utility's export-classrooms.sh wrote (classroom-export-<date>/), or one classroom-<id>/ in it.",
    };

    private static readonly Option<DirectoryInfo> OutputOption = new("--output", "-o")
    {
        Description = "Where to write: one folder per assignment and roster.csv (use it as Classroom:AssignmentsFolder).",
        Required = true,
    };

    private static readonly Option<string?> ClassroomOption = new("--classroom")
    {
        Description = "The classroom to import (its name or id) when the export has several.",
    };

    private static readonly Option<string?> TimeZoneOption = new("--time-zone")
    {
        Description = "Write deadlines in this IANA time zone (e.g. Europe/Paris), with 'timezone:'. Default: UTC, as Classroom kept them.",
    };

    private static readonly Option<bool> DryRunOption = new("--dry-run")
    {
        Description = "Say what would be written, and what would change; write nothing.",
    };

    private static readonly Option<bool> ForceOption = new("--force")
    {
        Description = "Overwrite existing files whose text would change (without it, nothing is written when one would).",
    };

    public static Command Create()
    {
        var command = new Command("import-classroom", """
            Make a GitHub Classroom export into GitGrader's configuration: under --output, one folder per individual
            assignment, named as its student repositories are (<slug>-<login>, so they are graded unchanged from their
            next push), with an assignment.yml (name, deadline in UTC, the starter repository as template, and a TODO for
            the tests to copy from Classroom) and classroom-points.csv (the points Classroom recorded, shown in the
            summary issue as imported); and roster.csv merged from every assignment. Group assignments are listed and
            left out. Reads only the export's files: no network, and nothing is changed on GitHub. Running it again on the
            same export writes the same files; a file that would change is only overwritten with --force.
            """)
        {
            ExportArgument, OutputOption, ClassroomOption, TimeZoneOption, DryRunOption, ForceOption,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken) =>
        new ClassroomImportRun(
            parse.GetValue(ExportArgument)!.FullName,
            parse.GetValue(OutputOption)!.FullName,
            parse.GetValue(ClassroomOption),
            parse.GetValue(DryRunOption),
            parse.GetValue(ForceOption),
            parse.GetValue(TimeZoneOption)).RunAsync(Console.Out, Console.Error, cancellationToken);
}
