using System.CommandLine;
using GitGrader.Classroom;
using GitGrader.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace GitGrader.Cli;

/// <summary><c>gitgrader serve</c>: the GitHub App.</summary>
internal static class ServeCommand
{
    private static readonly Option<string[]> UrlsOption = new("--urls")
    {
        Description = "Addresses to listen on, e.g. http://0.0.0.0:8080 (default http://localhost:5000). GitHub must reach POST /webhooks/github.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Command Create()
    {
        var command = new Command("serve", """
            Run the GitHub App: receive webhooks at POST /webhooks/github, record each push durably and answer at once,
            grade in the background (one locked-down container per submission), and report a check run, a pull request
            comment and the instructor's summary issue. Configuration: --config FILE (default ./gitgrader.json), then
            GITGRADER_* environment variables (GITGRADER_GitHub__AppId=123), then these flags. See README, "Run the GitHub App".
            """)
        {
            UrlsOption, HostOptions.Config, HostOptions.Database, HostOptions.Concurrency, CommonOptions.Verbose,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = await GitGraderHost.BuildServerAsync(HostOptions.Settings(parse), parse.GetValue(UrlsOption) ?? [], cancellationToken);
            await app.RunAsync(cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (HostOptions.IsConfigurationError(ex))
        {
            await Console.Error.WriteLineAsync($"error: {HostOptions.Describe(ex)}");
            return ExitCodes.BadInput;
        }
    }
}
