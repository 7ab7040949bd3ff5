using System.CommandLine;
using GitGrader.Classroom;
using GitGrader.Core.Reports;
using GitGrader.Hosting;
using GitGrader.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.Cli;

/// <summary><c>gitgrader roster list|unlink</c>: the roster with the accounts students linked through invitation links.</summary>
internal static class RosterCommand
{
    private static readonly Argument<string> IdentifierArgument = new("IDENTIFIER")
    {
        Description = "The roster entry's identifier, as in the roster CSV.",
    };

    public static Command Create()
    {
        var list = new Command("list", "Print every roster entry: identifier, GitHub login, and how it is linked (csv: the roster file's github_username; claimed: by the student through an invitation link; -: not yet).")
        {
            HostOptions.Config, HostOptions.Database,
        };
        list.SetAction(ListAsync);
        var unlink = new Command("unlink", "Undo a student's claim of a roster entry, so the right student can claim it through the invitation link. Their repositories stay.")
        {
            IdentifierArgument, HostOptions.Config, HostOptions.Database,
        };
        unlink.SetAction(UnlinkAsync);
        return new Command("roster", "The course roster (Classroom:RosterCsv) and the GitHub accounts linked to it.") { list, unlink };
    }

    private static Task<int> ListAsync(ParseResult parse, CancellationToken cancellationToken) => RunAsync(parse, async (services, ct) =>
    {
        var rows = await services.GetRequiredService<LinkedRoster>().ListAsync(ct);
        if (rows.Count == 0)
        {
            await Console.Error.WriteLineAsync("The course has no roster (set Classroom:RosterCsv).");
            return ExitCodes.Success;
        }

        var width = Math.Max("identifier".Length, rows.Max(r => r.Entry.Identifier.Length));
        var loginWidth = Math.Max("login".Length, rows.Max(r => r.Entry.GitHubUsername.Length));
        await Console.Out.WriteLineAsync($"{"identifier".PadRight(width)}  {"login".PadRight(loginWidth)}  linked");
        foreach (var (entry, link) in rows)
        {
            var login = entry.GitHubUsername.Length > 0 ? entry.GitHubUsername : "-";
            await Console.Out.WriteLineAsync($"{StudentText.Visible(entry.Identifier).PadRight(width)}  {login.PadRight(loginWidth)}  {Describe(link)}");
        }

        return ExitCodes.Success;
    }, cancellationToken);

    private static Task<int> UnlinkAsync(ParseResult parse, CancellationToken cancellationToken) => RunAsync(parse, async (services, ct) =>
    {
        var identifier = parse.GetRequiredValue(IdentifierArgument);
        var roster = services.GetRequiredService<LinkedRoster>();
        if (roster.FindIdentifier(identifier) is not { } entry)
        {
            await Console.Error.WriteLineAsync($"error: '{StudentText.Visible(identifier)}' is not an identifier of the roster (gitgrader roster list shows them).");
            return ExitCodes.BadInput;
        }

        if (entry.GitHubUsername.Length > 0)
        {
            await Console.Error.WriteLineAsync($"error: '{StudentText.Visible(identifier)}' is linked to {entry.GitHubUsername} by the roster file's github_username column, not by a claim: edit the roster file.");
            return ExitCodes.BadInput;
        }

        var removed = await services.GetRequiredService<IRosterClaims>().UnlinkRosterEntryAsync(identifier, ct);
        await Console.Out.WriteLineAsync(removed is null
            ? $"'{StudentText.Visible(identifier)}' was not linked; nothing changed."
            : $"unlinked '{StudentText.Visible(identifier)}' from {removed.Login}: the entry can be claimed again through the invitation link.");
        return ExitCodes.Success;
    }, cancellationToken);

    private static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            using var host = await GitGraderHost.BuildExportAsync(HostOptions.Settings(parse), cancellationToken);
            return await work(host.Services, cancellationToken);
        }
        catch (Exception ex) when (HostOptions.IsConfigurationError(ex) || ex is GradingStoreException)
        {
            await Console.Error.WriteLineAsync($"error: {HostOptions.Describe(ex)}");
            return ExitCodes.BadInput;
        }
    }

    private static string Describe(RosterLink link) => link switch
    {
        RosterLink.Csv => "csv",
        RosterLink.Claimed => "claimed",
        _ => "-",
    };
}
