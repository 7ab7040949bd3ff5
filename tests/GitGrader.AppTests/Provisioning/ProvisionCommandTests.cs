using GitGrader.AppTests.EndToEnd;
using GitGrader.AppTests.Support;
using GitGrader.GitHubStandIn;
using GitGrader.Hosting;
using GitGrader.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.AppTests.Provisioning;

/// <summary>
/// <c>gitgrader provision SLUG</c> as an instructor runs it, against the GitHub stand-in (every request checked against
/// GitHub's OpenAPI description), with real git and a real store: repositories, the Feedback pull request, the protected
/// feedback branch, invitations; reruns that do nothing new or finish what failed; bad logins, taken names, rate limits.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ProvisionCommandTests
{
    private const string Org = CourseFolder.Organization;
    private const string Slug = CourseFolder.Slug;
    private static readonly string[] Students = ["alice", "bob", "dana"];

    [Fact]
    public async Task Provision_makes_each_linked_students_repository_with_the_feedback_pull_request_and_a_rerun_does_nothing_new()
    {
        await using var scenario = await StartAsync(Students);

        var (exit, output) = await ProvisionAsync(scenario);

        Assert.True(exit == 0, output);
        Assert.Contains($"{Slug}: 3 of 3 student(s) ready (3 repositories created now); 1 roster student(s) without a GitHub account skipped.", output, StringComparison.Ordinal);
        foreach (var student in Students)
        {
            var name = $"{Slug}-{student}";
            Assert.Contains($"{student}: ok {scenario.GitHub.BaseUrl}{Org}/{name} (created now): ", output, StringComparison.Ordinal);
            var main = await scenario.GitHub.BranchShaAsync(Org, name, "main");
            var feedback = await scenario.GitHub.BranchShaAsync(Org, name, "feedback");
            Assert.NotNull(main);
            Assert.NotNull(feedback);
            Assert.NotEqual(main, feedback);
            var pull = Assert.Single(scenario.GitHub.PullRequests, p => p.Repository.Name == name);
            Assert.Equal(("main", "feedback", "open", main), (pull.HeadRef, pull.BaseRef, pull.State, pull.HeadSha));
            Assert.Equal(feedback, pull.BaseSha);
            Assert.Equal(["feedback"], scenario.GitHub.LockedBranches(Org, name));
            var invitation = Assert.Single(scenario.GitHub.Invitations(Org, name));
            Assert.Equal((student, "write"), (invitation.InviteeLogin, invitation.Permissions));
        }

        // The student accepts: the starter is there, main takes their push, feedback takes nobody's.
        Assert.True(scenario.GitHub.AcceptInvitation(Org, $"{Slug}-alice", "alice"));
        using var alice = await GitWorkingCopy.InitAsync(scenario.GitHub.GitRemoteUrl(Org, $"{Slug}-alice", scenario.GitHub.CreateUserToken("alice")));
        await alice.GitAsync("pull", "--quiet", "origin", "main");
        Assert.True(File.Exists(Path.Combine(alice.Directory, "wordcount.py")));
        alice.WriteFile("notes.txt", "mine");
        await alice.CommitAllAsync("notes");
        await alice.PushAsync();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => alice.PushAsync("HEAD:refs/heads/feedback"));
        Assert.Contains("GH006: Protected branch update failed", refused.Message, StringComparison.Ordinal);

        var before = scenario.GitHub.Requests.Count;
        var (again, againOutput) = await ProvisionAsync(scenario);

        Assert.True(again == 0, againOutput);
        Assert.Contains("0 repositories created now", againOutput, StringComparison.Ordinal);
        Assert.Contains($"alice: ok {scenario.GitHub.BaseUrl}{Org}/{Slug}-alice (existed): nothing to do", againOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.GitHub.Requests.Skip(before), r => r.Method != "GET" && !r.Path.EndsWith("/access_tokens", StringComparison.Ordinal));
        Assert.Equal(3, scenario.GitHub.PullRequests.Count);
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task A_roster_entry_claimed_through_an_invitation_link_is_provisioned_under_the_claimed_login()
    {
        await using var scenario = await StartAsync(["alice"]);
        scenario.GitHub.AddUser("carol-gh");
        using (var host = await GitGraderHost.BuildExportAsync(new HostSettings(new FileInfo(scenario.Course.ConfigFile), null, null, false), CancellationToken.None))
        {
            await host.Services.GetRequiredService<IRosterClaims>().ClaimRosterEntryAsync("carol@uni.example", "carol-gh", 77, CancellationToken.None);
        }

        var (exit, output) = await ProvisionAsync(scenario);

        Assert.True(exit == 0, output);
        Assert.Contains($"{Slug}: 2 of 2 student(s) ready (2 repositories created now).", output, StringComparison.Ordinal);
        Assert.Contains($"carol-gh: ok {scenario.GitHub.BaseUrl}{Org}/{Slug}-carol-gh (created now): ", output, StringComparison.Ordinal);
        var invitation = Assert.Single(scenario.GitHub.Invitations(Org, $"{Slug}-carol-gh"));
        Assert.Equal(("carol-gh", "write"), (invitation.InviteeLogin, invitation.Permissions));
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task An_assignment_with_neither_a_template_nor_a_starter_folder_is_refused_and_nothing_is_created()
    {
        await using var scenario = await StartAsync(["alice"]);
        Directory.Delete(Path.Combine(scenario.Course.AssignmentsFolder, Slug, "starter"), recursive: true);

        var (exit, output) = await ProvisionAsync(scenario);

        Assert.True(exit == 4, output);
        Assert.Contains($"alice: FAILED: The assignment '{Slug}' has neither a template: key nor a starter/ folder, so there is nothing to give the students.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.GitHub.Repositories, r => r.Repository.Name.StartsWith(Slug + "-", StringComparison.Ordinal));
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task A_failure_midway_fails_that_student_only_and_a_rerun_finishes_it_with_one_pull_request()
    {
        await using var scenario = await StartAsync(Students);
        scenario.GitHub.FailNextRequests(5, 502, "/protection");

        var (exit, output) = await ProvisionAsync(scenario);

        Assert.True(exit == 4, output);
        Assert.Contains("alice: FAILED, will finish when run again: GitHub failed while GitGrader protected the feedback branch (502)", output, StringComparison.Ordinal);
        Assert.Contains("bob: ok", output, StringComparison.Ordinal);
        Assert.Contains("dana: ok", output, StringComparison.Ordinal);
        Assert.Empty(scenario.GitHub.Invitations(Org, $"{Slug}-alice"));

        var (again, againOutput) = await ProvisionAsync(scenario);

        Assert.True(again == 0, againOutput);
        Assert.Contains($"alice: ok {scenario.GitHub.BaseUrl}{Org}/{Slug}-alice (existed): Protecting the feedback branch; Inviting alice as a collaborator (push)", againOutput, StringComparison.Ordinal);
        Assert.Single(scenario.GitHub.PullRequests, p => p.Repository.Name == $"{Slug}-alice");
        Assert.Equal(["feedback"], scenario.GitHub.LockedBranches(Org, $"{Slug}-alice"));
        Assert.Single(scenario.GitHub.Invitations(Org, $"{Slug}-alice"));
        Assert.Equal(3, scenario.GitHub.Repositories.Count(r => r.Repository.Name.StartsWith(Slug + "-", StringComparison.Ordinal)));
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task A_login_that_does_not_exist_and_a_name_taken_by_another_repository_are_refused_and_the_others_are_made()
    {
        await using var scenario = await StartAsync(["alice", "bob"], rosterExtra: "\"ghost@uni.example\",\"ghost\",\"\",\"Nobody\"\n");
        await scenario.GitHub.CreateRepositoryAsync(Org, $"{Slug}-bob", scenario.InstallationId);
        await scenario.GitHub.SeedCommitAsync(Org, $"{Slug}-bob", "main", new Dictionary<string, string> { ["someone-else.txt"] = "not bob's" });

        var (exit, output) = await ProvisionAsync(scenario);

        Assert.True(exit == 4, output);
        Assert.Contains("alice: ok", output, StringComparison.Ordinal);
        Assert.Contains("ghost: FAILED: There is no GitHub account 'ghost': check the roster's github_username for this student.", output, StringComparison.Ordinal);
        Assert.Contains($"bob: FAILED: The repository {Org}/{Slug}-bob exists already and GitGrader did not make it for bob; it will not hand it out.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.GitHub.Repositories, r => r.Repository.Name.EndsWith("-ghost", StringComparison.Ordinal));
        Assert.Empty(scenario.GitHub.Invitations(Org, $"{Slug}-bob"));
        Assert.DoesNotContain(scenario.GitHub.PullRequests, p => p.Repository.Name == $"{Slug}-bob");
        Assert.Null(await scenario.GitHub.BranchShaAsync(Org, $"{Slug}-bob", "feedback"));
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task Rate_limited_content_creation_is_waited_out_and_every_student_completes()
    {
        await using var scenario = await StartAsync(Students);
        scenario.GitHub.LimitContentCreation(2, TimeSpan.FromSeconds(3));

        var (exit, output) = await ProvisionAsync(scenario);

        Assert.True(exit == 0, output);
        Assert.True(scenario.GitHub.ContentCreationRefusals > 0, "the simulated secondary limit never refused a request");
        Assert.Equal(3, scenario.GitHub.PullRequests.Count);
        foreach (var student in Students)
        {
            Assert.Single(scenario.GitHub.Invitations(Org, $"{Slug}-{student}"));
        }

        Assert.Contains(scenario.GitHub.Requests, r => r.Status == 403);
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task A_limit_longer_than_the_client_waits_is_tried_again_by_the_step_until_every_student_completes()
    {
        await using var scenario = await StartAsync(Students, tune: config =>
        {
            config["GitHub"]!["MaxRateLimitWait"] = "00:00:01";
            config["Provisioning"] = new System.Text.Json.Nodes.JsonObject { ["ThrottlePause"] = "00:00:01" };
        });
        scenario.GitHub.LimitContentCreation(2, TimeSpan.FromSeconds(4));

        var (exit, output) = await ProvisionAsync(scenario);

        Assert.True(exit == 0, output);
        Assert.True(scenario.GitHub.ContentCreationRefusals > 0, "the simulated secondary limit never refused a request");
        Assert.Equal(3, scenario.GitHub.PullRequests.Count);
        Assert.Equal(3, scenario.GitHub.Repositories.Count(r => r.Repository.Name.StartsWith(Slug + "-", StringComparison.Ordinal)));
        scenario.GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task An_assignment_with_a_template_generates_each_repository_from_it()
    {
        await using var scenario = await StartAsync(Students);
        await scenario.GitHub.CreateRepositoryAsync(Org, "wordcount-template", scenario.InstallationId);
        await scenario.GitHub.SeedCommitAsync(Org, "wordcount-template", "main", new Dictionary<string, string> { ["from-template.txt"] = "template" });
        scenario.GitHub.MarkTemplate(Org, "wordcount-template");
        var definition = Path.Combine(scenario.Course.AssignmentsFolder, Slug, "assignment.yml");
        File.WriteAllText(definition, $"template: {Org}/wordcount-template\n" + File.ReadAllText(definition));

        var (exit, output) = await ProvisionAsync(scenario, "--student", "dana");

        Assert.True(exit == 0, output);
        Assert.Contains($"dana: ok {scenario.GitHub.BaseUrl}{Org}/{Slug}-dana (created now): Creating {Org}/{Slug}-dana from the template {Org}/wordcount-template", output, StringComparison.Ordinal);
        using var dana = await GitWorkingCopy.InitAsync(scenario.GitHub.GitRemoteUrl(Org, $"{Slug}-dana", scenario.GitHub.CreateInstallationToken(scenario.InstallationId)));
        await dana.GitAsync("pull", "--quiet", "origin", "main");
        Assert.True(File.Exists(Path.Combine(dana.Directory, "from-template.txt")));
        Assert.False(File.Exists(Path.Combine(dana.Directory, "wordcount.py")));
        Assert.Single(scenario.GitHub.PullRequests);
        Assert.Single(scenario.GitHub.Repositories, r => r.Repository.Name.StartsWith(Slug + "-", StringComparison.Ordinal));
        scenario.GitHub.AssertNoViolations();
    }

    private static async Task<AppScenario> StartAsync(IReadOnlyList<string> students, string rosterExtra = "", Action<System.Text.Json.Nodes.JsonObject>? tune = null)
    {
        var scenario = await AppScenario.StartAsync(tune, startServer: false, standIn: new StandInOptions { Permissions = StandInOptions.ProvisioningPermissions });
        var roster = "\"identifier\",\"github_username\",\"github_id\",\"name\"\n"
            + string.Concat(students.Select(s => $"\"{s}@uni.example\",\"{s}\",\"\",\"{s}\"\n"))
            + "\"carol@uni.example\",\"\",\"\",\"\"\n"
            + rosterExtra;
        File.WriteAllText(Path.Combine(scenario.Course.Root, "roster.csv"), roster);
        foreach (var student in students)
        {
            scenario.GitHub.AddUser(student);
        }

        return scenario;
    }

    private static Task<(int ExitCode, string Output)> ProvisionAsync(AppScenario scenario, params string[] extra) =>
        ServerProcess.RunToEndAsync(scenario.Course.Root, ["provision", Slug, "--config", scenario.Course.ConfigFile, .. extra]);
}
