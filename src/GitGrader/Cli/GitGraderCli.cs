using System.CommandLine;

namespace GitGrader.Cli;

/// <summary>The <c>gitgrader</c> command line: one executable, a verb per job.</summary>
internal static class GitGraderCli
{
    public static RootCommand Build() => new("GitGrader: grade student repositories against hidden tests in locked-down Docker sandboxes.")
    {
        GradeCommand.Create(),
        ValidateCommand.Create(),
        ServeCommand.Create(),
        WorkerCommand.Create(),
        ExportCommand.Create(),
        RegradeCommand.Create(),
        RosterCommand.Create(),
        ProvisionCommand.Create(),
        ImportClassroomCommand.Create(),
    };
}
