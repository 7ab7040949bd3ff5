using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn;
using FakeGitHub = GitGrader.GitHubStandIn.GitHubStandIn;

namespace GitGrader.AppTests.StandInTests;

/// <summary>A fresh stand-in per test with the App installed on <c>cs101</c> and a student repository <c>cs101/hw1-alice</c>.</summary>
public abstract class StandInTestBase : IAsyncLifetime
{
    protected const string Org = "cs101";
    protected const string Repo = "hw1-alice";

    private ApiCaller? _api;

    protected FakeGitHub GitHub { get; private set; } = null!;

    protected GitCli Git { get; } = GitCli.Create();

    protected long InstallationId { get; private set; }

    protected ApiCaller Api => _api ??= new ApiCaller(GitHub);

    protected virtual StandInOptions Options => new();

    protected string AppAuth => "Bearer " + GitHub.CreateAppJwt();

    protected string TokenAuth => "token " + GitHub.CreateInstallationToken(InstallationId);

    public virtual async Task InitializeAsync()
    {
        GitHub = await FakeGitHub.StartAsync(Options);
        InstallationId = GitHub.InstallApp(Org);
        await GitHub.CreateRepositoryAsync(Org, Repo, InstallationId);
    }

    public virtual async Task DisposeAsync()
    {
        _api?.Dispose();
        await GitHub.DisposeAsync();
        Git.Dispose();
    }

    /// <summary>Seeds a commit on <c>main</c> of the student repository; returns its sha.</summary>
    protected Task<string> SeedAsync(string content = "print('hello')\n", string branch = "main") =>
        GitHub.SeedCommitAsync(Org, Repo, branch, new Dictionary<string, string> { ["main.py"] = content }, "seed " + content.Length);

    protected static JsonObject CheckRun(string headSha, string status = "queued") => new()
    {
        ["name"] = "hw1",
        ["head_sha"] = headSha,
        ["external_id"] = "job-1",
        ["status"] = status,
    };

    protected static JsonObject Annotation(int line) => new()
    {
        ["path"] = "main.py",
        ["start_line"] = line,
        ["end_line"] = line,
        ["annotation_level"] = "failure",
        ["message"] = $"problem on line {line}",
    };
}
