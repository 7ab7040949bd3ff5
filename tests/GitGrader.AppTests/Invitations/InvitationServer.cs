using System.Text.Json.Nodes;
using GitGrader.AppTests.Support;
using GitGrader.GitHub.Tests.Support;
using GitGrader.Hosting;
using GitGrader.Provisioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandIn = GitGrader.GitHubStandIn.GitHubStandIn;

namespace GitGrader.AppTests.Invitations;

/// <summary>
/// <c>serve</c> built in this process from the same code as the real one (<see cref="GitGraderHost.BuildServerAsync"/>), on a
/// free port, against the GitHub stand-in, with sign-in configured, no worker, every log line captured, and our
/// <see cref="IRepositoryProvisioner"/> replaced by a <see cref="FakeProvisioner"/>.
/// </summary>
public sealed class InvitationServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InvitationServer(StandIn gitHub, CourseFolder course, WebApplication app, Uri baseUrl, CapturedLogs logs, FakeProvisioner provisioner)
    {
        GitHub = gitHub;
        Course = course;
        _app = app;
        BaseUrl = baseUrl;
        Logs = logs;
        Provisioner = provisioner;
    }

    public StandIn GitHub { get; }

    public CourseFolder Course { get; }

    public Uri BaseUrl { get; }

    internal CapturedLogs Logs { get; }

    public FakeProvisioner Provisioner { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the stand-in and the server; <paramref name="roster"/> replaces the course's roster CSV.</summary>
    public static async Task<InvitationServer> StartAsync(string? roster = null)
    {
        var gitHub = await StandIn.StartAsync();
        var baseUrl = new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}/");
        var course = CourseFolder.Create(gitHub, config => Configure(config, gitHub, baseUrl));
        if (roster is not null)
        {
            File.WriteAllText(Path.Combine(course.Root, "roster.csv"), roster);
        }

        gitHub.InstallApp(CourseFolder.Organization);
        var logs = new CapturedLogs();
        var provisioner = new FakeProvisioner();
        var app = await GitGraderHost.BuildServerAsync(
            new HostSettings(new FileInfo(course.ConfigFile), null, null, Verbose: true),
            [baseUrl.AbsoluteUri.TrimEnd('/')],
            CancellationToken.None,
            services =>
            {
                services.AddSingleton<IRepositoryProvisioner>(provisioner);
                services.AddSingleton<ILoggerProvider>(logs);
            });
        await app.StartAsync();
        return new InvitationServer(gitHub, course, app, baseUrl, logs, provisioner);
    }

    /// <summary>The sign-in configuration: the stand-in's client id and secret, this server's public URL, keys in the course folder.</summary>
    public static void Configure(JsonObject config, StandIn gitHub, Uri publicUrl)
    {
        config["GitHub"]!["ClientId"] = gitHub.ClientId;
        config["GitHub"]!["ClientSecret"] = gitHub.ClientSecret;
        config["Serve"] = new JsonObject
        {
            ["PublicUrl"] = publicUrl.AbsoluteUri,
            ["KeysFolder"] = Path.Combine(((string)config["Classroom"]!["AssignmentsFolder"]!)[..^"assignments".Length], "keys"),
            ["RefreshInterval"] = "00:00:01",
        };
        config["Worker"]!["Enabled"] = false;
    }

    /// <summary>A browser without script: its own cookies, redirects not followed.</summary>
    public StudentBrowser NewBrowser() => new(this);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await GitHub.DisposeAsync();
        Course.Dispose();
        Logs.Dispose();
    }
}
