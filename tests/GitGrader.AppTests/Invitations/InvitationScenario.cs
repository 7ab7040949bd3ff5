using GitGrader.AppTests.Support;
using GitGrader.GitHubStandIn;
using StandIn = GitGrader.GitHubStandIn.GitHubStandIn;

namespace GitGrader.AppTests.Invitations;

/// <summary>
/// A course whose invitation links a real <c>gitgrader serve</c> process serves (with its real provisioner), against the
/// GitHub stand-in: the App installed on the organisation with its callback URL registered, sign-in configured, no worker.
/// </summary>
public sealed class InvitationScenario : IAsyncDisposable
{
    private InvitationScenario(StandIn gitHub, CourseFolder course, ServerProcess server)
    {
        GitHub = gitHub;
        Course = course;
        Server = server;
    }

    public StandIn GitHub { get; }

    public CourseFolder Course { get; }

    public ServerProcess Server { get; }

    public static async Task<InvitationScenario> StartAsync(string roster)
    {
        var gitHub = await StandIn.StartAsync(new StandInOptions { Permissions = StandInOptions.ProvisioningPermissions });
        CourseFolder? course = null;
        try
        {
            var installation = gitHub.InstallApp(CourseFolder.Organization);
            await gitHub.CreateRepositoryAsync(CourseFolder.Organization, "instructors", installation);
            var port = ServerProcess.FreePort();
            var publicUrl = new Uri($"http://127.0.0.1:{port}/");
            gitHub.OAuthCallbackUrl = new Uri(publicUrl, "oauth/callback");
            course = CourseFolder.Create(gitHub, config => InvitationServer.Configure(config, gitHub, publicUrl));
            File.WriteAllText(Path.Combine(course.Root, "roster.csv"), roster);
            var server = await ServerProcess.StartServeAsync(course.ConfigFile, course.Root, port);
            return new InvitationScenario(gitHub, course, server);
        }
        catch
        {
            course?.Dispose();
            await gitHub.DisposeAsync();
            throw;
        }
    }

    public Uri Url(string pathAndQuery) => new(Server.BaseUrl, pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await GitHub.DisposeAsync();
        Course.Dispose();
    }
}
