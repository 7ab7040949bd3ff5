using GitGrader.AppTests.Integration;
using GitGrader.AppTests.Support;
using GitGrader.Classroom;
using GitGrader.Hosting;
using GitGrader.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.AppTests.Invitations;

/// <summary><c>gitgrader roster list|unlink</c>, the real executable on the store <c>serve</c> writes.</summary>
public sealed class RosterCommandTests : IAsyncLifetime
{
    private readonly ConfigurationFolder _folder = ConfigurationFolder.Create();

    public async Task InitializeAsync()
    {
        File.WriteAllText(_folder.RosterFile, "identifier,github_username,github_id,name\nalice@uni.example,alice,1001,Alice\ncarol@uni.example,,,Carol\ndave@uni.example,,,Dave\n");
        using var host = await GitGraderHost.BuildExportAsync(new HostSettings(new FileInfo(_folder.ConfigFile), null, null, false), CancellationToken.None);
        await host.Services.GetRequiredService<IRosterClaims>().ClaimRosterEntryAsync("carol@uni.example", "carol-gh", 77, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task List_ShowsEachEntryWithItsLoginAndHowItIsLinked()
    {
        var (exitCode, output) = await RosterAsync("list");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"alice@uni\.example\s+alice\s+csv", output);
        Assert.Matches(@"carol@uni\.example\s+carol-gh\s+claimed", output);
        Assert.Matches(@"dave@uni\.example\s+-\s+-", output);
    }

    [Fact]
    public async Task Unlink_ClaimedEntry_FreesItAndTheLinkedRosterNoLongerHasTheLogin()
    {
        var (exitCode, output) = await RosterAsync("unlink", "carol@uni.example");
        var (_, listed) = await RosterAsync("list");

        Assert.Equal(0, exitCode);
        Assert.Contains("unlinked 'carol@uni.example' from carol-gh", output, StringComparison.Ordinal);
        Assert.Matches(@"carol@uni\.example\s+-\s+-", listed);
        using var host = await GitGraderHost.BuildExportAsync(new HostSettings(new FileInfo(_folder.ConfigFile), null, null, false), CancellationToken.None);
        Assert.Null((await host.Services.GetRequiredService<LinkedRoster>().CurrentAsync(CancellationToken.None)).Find("carol-gh"));
    }

    [Fact]
    public async Task Unlink_EntryLinkedInTheCsvOrNotOnTheRoster_ExitsTwoSayingWhy()
    {
        var (csvExit, csv) = await RosterAsync("unlink", "alice@uni.example");
        var (unknownExit, unknown) = await RosterAsync("unlink", "nobody@uni.example");

        Assert.Equal(2, csvExit);
        Assert.Contains("by the roster file's github_username column", csv, StringComparison.Ordinal);
        Assert.Equal(2, unknownExit);
        Assert.Contains("is not an identifier of the roster", unknown, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> RosterAsync(params string[] arguments) =>
        ServerProcess.RunToEndAsync(_folder.Root, ["roster", .. arguments, "--config", _folder.ConfigFile]);
}
