using System.Text.Json.Nodes;
using GitGrader.GitHub;
using GitGrader.GitHubStandIn;
using StandIn = GitGrader.GitHubStandIn.GitHubStandIn;

namespace GitGrader.AppTests.Support;

/// <summary>
/// One course on the GitHub stand-in, served by a real <c>gitgrader serve</c> process: the App
/// installed on the organisation, the instructor repository, and helpers to create students'
/// repositories and push to them with git over HTTP.
/// </summary>
public sealed class AppScenario : IAsyncDisposable
{
    private readonly List<GitWorkingCopy> _copies = [];

    private AppScenario(StandIn gitHub, CourseFolder course, long installationId)
    {
        GitHub = gitHub;
        Course = course;
        InstallationId = installationId;
    }

    public StandIn GitHub { get; }

    public CourseFolder Course { get; }

    public long InstallationId { get; }

    public ServerProcess? Server { get; private set; }

    public static async Task<AppScenario> StartAsync(Action<JsonObject>? tune = null, bool startServer = true, StandInOptions? standIn = null)
    {
        var gitHub = await StandIn.StartAsync(standIn);
        var installation = gitHub.InstallApp(CourseFolder.Organization);
        await gitHub.CreateRepositoryAsync(CourseFolder.Organization, "instructors", installation);
        var scenario = new AppScenario(gitHub, CourseFolder.Create(gitHub, tune), installation);
        if (startServer)
        {
            await scenario.StartServerAsync();
        }

        return scenario;
    }

    /// <summary>Starts (or restarts, on the same database) the server and points the App's webhook at it.</summary>
    public async Task<ServerProcess> StartServerAsync()
    {
        Server = await ServerProcess.StartServeAsync(Course.ConfigFile, Course.Root);
        GitHub.WebhookUrl = Server.WebhookUrl;
        return Server;
    }

    /// <summary>Creates <c>{org}/python-wordcount-{login}</c> and a clone of it that pushes as the student.</summary>
    public async Task<GitWorkingCopy> StudentRepositoryAsync(string login)
    {
        var name = $"{CourseFolder.Slug}-{login}";
        await GitHub.CreateRepositoryAsync(CourseFolder.Organization, name, InstallationId);
        var token = GitHub.CreateUserToken(login);
        var copy = await GitWorkingCopy.InitAsync(GitHub.GitRemoteUrl(CourseFolder.Organization, name, token));
        _copies.Add(copy);
        return copy;
    }

    public static RepositoryRef Repository(string login) => new(CourseFolder.Organization, $"{CourseFolder.Slug}-{login}");

    /// <summary>Waits for a completed check run on <paramref name="sha"/>.</summary>
    public Task<CheckRunView> CompletedCheckRunAsync(string sha, TimeSpan? timeout = null) =>
        GitHub.WaitForCheckRunAsync(r => r.HeadSha == sha && r.Status == "completed", timeout ?? TimeSpan.FromSeconds(90));

    public IReadOnlyList<CheckRunView> CheckRunsOn(string sha) => [.. GitHub.CheckRuns.Where(r => r.HeadSha == sha)];

    public string ServerOutput => Server?.Output ?? string.Empty;

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        foreach (var copy in _copies)
        {
            copy.Dispose();
        }

        await GitHub.DisposeAsync();
        Course.Dispose();
    }
}
