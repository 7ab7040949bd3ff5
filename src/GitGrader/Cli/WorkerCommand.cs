using System.CommandLine;
using GitGrader.Hosting;
using Microsoft.Extensions.Hosting;

namespace GitGrader.Cli;

/// <summary><c>gitgrader worker</c>: grading only, to add grading hosts that share a PostgreSQL queue.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var command = new Command("worker", """
            Grade queued submissions without serving webhooks: run it on more hosts, each with its own Docker engine,
            against the PostgreSQL database `serve` uses (--database "Host=…;Database=…"), to grade more at once.
            Same configuration as serve.
            """)
        {
            HostOptions.Config, HostOptions.Database, HostOptions.Concurrency, CommonOptions.Verbose,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        try
        {
            using var host = await GitGraderHost.BuildWorkerAsync(HostOptions.Settings(parse), cancellationToken);
            await host.RunAsync(cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (HostOptions.IsConfigurationError(ex))
        {
            await Console.Error.WriteLineAsync($"error: {HostOptions.Describe(ex)}");
            return ExitCodes.BadInput;
        }
    }
}
