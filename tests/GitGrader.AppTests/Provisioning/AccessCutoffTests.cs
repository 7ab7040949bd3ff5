using System.Globalization;
using System.Text.Json.Nodes;
using GitGrader.AppTests.EndToEnd;
using GitGrader.AppTests.StandInTests;
using GitGrader.AppTests.Support;
using GitGrader.Classroom;
using GitGrader.GitHubStandIn;
using GitGrader.Hosting;
using GitGrader.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GitGrader.AppTests.Provisioning;

/// <summary>
/// <c>close_at_deadline: true</c> against the stand-in, with the cut-off's clock moved past the deadline: each student's
/// access lowered to read at their own deadline (the pending invitation too), kept for the one with a later extension,
/// nothing done twice, and push given back when an extension is added after the cut-off and serve starts again.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AccessCutoffTests
{
    private const string Org = CourseFolder.Organization;
    private const string Slug = CourseFolder.Slug;
    private static readonly DateTimeOffset Deadline = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds());

    [Fact]
    public async Task At_the_deadline_access_becomes_read_but_not_for_an_extended_student_and_an_extension_added_later_gives_push_back()
    {
        await using var scenario = await AppScenario.StartAsync(
            tune: config => Extend(config, ("alice", Deadline.AddDays(2))),
            startServer: false,
            standIn: new StandInOptions { Permissions = StandInOptions.ProvisioningPermissions });
        File.WriteAllText(Path.Combine(scenario.Course.Root, "roster.csv"), "\"identifier\",\"github_username\",\"github_id\",\"name\"\n\"a\",\"alice\",\"\",\"\"\n\"b\",\"bob\",\"\",\"\"\n\"d\",\"dana\",\"\",\"\"\n");
        var definition = Path.Combine(scenario.Course.AssignmentsFolder, Slug, "assignment.yml");
        File.WriteAllText(definition, $"deadline: {Deadline.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)}\nclose_at_deadline: true\n" + File.ReadAllText(definition));
        foreach (var student in new[] { "alice", "bob", "dana" })
        {
            scenario.GitHub.AddUser(student);
        }

        var clock = new ManualClock();
        using (var host = await BuildAsync(scenario, clock))
        {
            var provisioner = host.Services.GetRequiredService<IRepositoryProvisioner>();
            var assignment = host.Services.GetRequiredService<Course>().Catalog.Find(Slug)!;
            foreach (var student in new[] { "alice", "bob", "dana" })
            {
                await provisioner.ProvisionAsync(assignment, student, null, CancellationToken.None);
            }

            Assert.True(scenario.GitHub.AcceptInvitation(Org, $"{Slug}-alice", "alice"));
            Assert.True(scenario.GitHub.AcceptInvitation(Org, $"{Slug}-bob", "bob"));
            var cutoff = host.Services.GetRequiredService<AccessCutoff>();

            Assert.Equal(0, await cutoff.ApplyAsync(CancellationToken.None));
            Assert.Equal(Deadline, await cutoff.NextDeadlineAsync(CancellationToken.None));

            clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal(2, await cutoff.ApplyAsync(CancellationToken.None));

            Assert.Equal("pull", scenario.GitHub.CollaboratorPermission(Org, $"{Slug}-bob", "bob"));
            Assert.Equal("push", scenario.GitHub.CollaboratorPermission(Org, $"{Slug}-alice", "alice"));
            Assert.Equal("read", Assert.Single(scenario.GitHub.Invitations(Org, $"{Slug}-dana")).Permissions);
            using var bob = await GitWorkingCopy.InitAsync(scenario.GitHub.GitRemoteUrl(Org, $"{Slug}-bob", scenario.GitHub.CreateUserToken("bob")));
            await bob.GitAsync("pull", "--quiet", "origin", "main");
            bob.WriteFile("late.txt", "too late");
            await bob.CommitAllAsync("late");
            await Assert.ThrowsAsync<InvalidOperationException>(() => bob.PushAsync());

            // Another pass (a restart, another serve on the same database) changes nothing.
            var requests = scenario.GitHub.Requests.Count;
            Assert.Equal(0, await cutoff.ApplyAsync(CancellationToken.None));
            Assert.Equal(requests, scenario.GitHub.Requests.Count);
        }

        // The instructor extends bob after the cut-off and restarts: push again, until the extension ends.
        var config = JsonNode.Parse(File.ReadAllText(scenario.Course.ConfigFile))!.AsObject();
        Extend(config, ("alice", Deadline.AddDays(2)), ("bob", Deadline.AddDays(1)));
        File.WriteAllText(scenario.Course.ConfigFile, config.ToJsonString());
        using (var host = await BuildAsync(scenario, clock))
        {
            var cutoff = host.Services.GetRequiredService<AccessCutoff>();
            Assert.Equal(1, await cutoff.ApplyAsync(CancellationToken.None));
            Assert.Equal("push", scenario.GitHub.CollaboratorPermission(Org, $"{Slug}-bob", "bob"));

            clock.Advance(TimeSpan.FromDays(3));
            Assert.Equal(2, await cutoff.ApplyAsync(CancellationToken.None));
            Assert.Equal("pull", scenario.GitHub.CollaboratorPermission(Org, $"{Slug}-bob", "bob"));
            Assert.Equal("pull", scenario.GitHub.CollaboratorPermission(Org, $"{Slug}-alice", "alice"));
        }

        scenario.GitHub.AssertNoViolations();
    }

    private static async Task<IHost> BuildAsync(AppScenario scenario, TimeProvider clock) =>
        await GitGraderHost.BuildProvisioningAsync(
            new HostSettings(new FileInfo(scenario.Course.ConfigFile), null, null, false),
            CancellationToken.None,
            services => services.AddKeyedSingleton(AccessCutoff.ClockKey, clock));

    private static void Extend(JsonObject config, params (string Student, DateTimeOffset Until)[] extensions) =>
        config["Classroom"]!["Extensions"] = new JsonArray([.. extensions.Select(e => (JsonNode)new JsonObject
        {
            ["Assignment"] = Slug,
            ["Student"] = e.Student,
            ["Until"] = e.Until.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        })]);
}
