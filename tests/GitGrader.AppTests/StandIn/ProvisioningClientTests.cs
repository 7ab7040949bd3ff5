using System.Diagnostics;
using System.Net;
using GitGrader.GitHub;
using GitGrader.GitHub.Rest;
using GitGrader.GitHubStandIn;
using Microsoft.Extensions.DependencyInjection;

namespace GitGrader.AppTests.StandInTests;

/// <summary>
/// GitGrader's client for provisioning, wired as the app wires it, against the stand-in: what GitHub answers (201/204,
/// 404 users, 409 empty repositories, the pull request 422s, a taken name, a missing permission, a secondary rate limit
/// waited out), every request checked against GitHub's OpenAPI description.
/// </summary>
public sealed class ProvisioningClientTests : RealClientTestBase
{
    protected override StandInOptions Options => new() { Permissions = StandInOptions.ProvisioningPermissions };

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task FindUser_KnownAndUnknown()
    {
        GitHub.AddUser("Alice");

        var alice = await Client.FindUserAsync(InstallationId, "alice", None);
        var ghost = await Client.FindUserAsync(InstallationId, "ghost", None);

        Assert.Equal(("Alice", "User"), (alice!.Login, alice.Type));
        Assert.Null(ghost);
        Assert.Equal(InstallationId, await Client.GetOrganizationInstallationIdAsync(Org, None));
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task CreateOrganizationRepository_IsPrivateAndEmpty_ANameTakenIs422()
    {
        var created = await Client.CreateOrganizationRepositoryAsync(InstallationId, new RepositoryRef(Org, "lab-bob"), "Lab for bob", None);
        var found = await Client.FindRepositoryAsync(InstallationId, new RepositoryRef(Org, "lab-bob"), None);
        var taken = await Assert.ThrowsAsync<GitHubApiException>(() => Client.CreateOrganizationRepositoryAsync(InstallationId, new RepositoryRef(Org, Repo), "x", None));

        Assert.Equal((created.Id, "main", true), (found!.Id, found.DefaultBranch, found.IsPrivate));
        Assert.Null(await Client.GetBranchShaAsync(InstallationId, created.Repository, "main", None));
        Assert.Null(await Client.FindRepositoryAsync(InstallationId, new RepositoryRef(Org, "nothing"), None));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        Assert.Contains("name already exists on this account", taken.Message, StringComparison.Ordinal);
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task CreateFromTemplate_CopiesTheTree_ANonTemplateIs422()
    {
        await SeedAsync("print('template')\n");
        var notTemplate = await Assert.ThrowsAsync<GitHubApiException>(() => Client.CreateRepositoryFromTemplateAsync(InstallationId, new RepositoryRef(Org, Repo), new RepositoryRef(Org, "copy"), "x", None));
        GitHub.MarkTemplate(Org, Repo);

        var copy = await Client.CreateRepositoryFromTemplateAsync(InstallationId, new RepositoryRef(Org, Repo), new RepositoryRef(Org, "copy"), "x", None);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notTemplate.StatusCode);
        Assert.NotNull(await Client.GetBranchShaAsync(InstallationId, copy.Repository, "main", None));
        Assert.NotEqual(await GitHub.BranchShaAsync(Org, Repo, "main"), await GitHub.BranchShaAsync(Org, "copy", "main"));
        var refusal = Assert.Single(GitHub.Violations);
        Assert.Equal((ViolationKind.Semantic, "repos/create-using-template"), (refusal.Kind, refusal.Operation));
    }

    [Fact]
    public async Task AddCollaborator_InvitesThen204_InvitationPermissionChanges()
    {
        GitHub.AddUser("alice");
        var repository = new RepositoryRef(Org, Repo);

        var first = await Client.AddCollaboratorAsync(InstallationId, repository, "alice", "push", None);
        var invitation = Assert.Single(await Client.ListInvitationsAsync(InstallationId, repository, None));
        await Client.UpdateInvitationAsync(InstallationId, repository, invitation.Id, "read", None);
        var lowered = Assert.Single(await Client.ListInvitationsAsync(InstallationId, repository, None));
        Assert.True(GitHub.AcceptInvitation(Org, Repo, "alice"));
        var second = await Client.AddCollaboratorAsync(InstallationId, repository, "alice", "push", None);

        Assert.Equal((CollaboratorOutcome.Invited, "alice", "write"), (first, invitation.InviteeLogin, invitation.Permissions));
        Assert.Equal("read", lowered.Permissions);
        Assert.Equal(CollaboratorOutcome.AlreadyCollaborator, second);
        Assert.Equal("push", GitHub.CollaboratorPermission(Org, Repo, "alice"));
        Assert.Empty(await Client.ListInvitationsAsync(InstallationId, repository, None));
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task PullRequest_NoCommitsBetweenIs422_ThenOpened_ASecondIs422_ListedByHeadAndBase()
    {
        var starter = await SeedAsync();
        var repository = new RepositoryRef(Org, Repo);
        await Client.CreateBranchAsync(InstallationId, repository, "feedback", starter, None);
        var exists = await Assert.ThrowsAsync<GitHubApiException>(() => Client.CreateBranchAsync(InstallationId, repository, "feedback", starter, None));
        var empty = await Assert.ThrowsAsync<GitHubApiException>(() => Client.CreatePullRequestAsync(InstallationId, repository, "Feedback", "main", "feedback", "body", None));
        await SeedAsync("print('set up')\n");

        var pull = await Client.CreatePullRequestAsync(InstallationId, repository, "Feedback", "main", "feedback", "body", None);
        var again = await Assert.ThrowsAsync<GitHubApiException>(() => Client.CreatePullRequestAsync(InstallationId, repository, "Feedback", "main", "feedback", "body", None));
        var listed = await Client.ListOpenPullRequestsAsync(InstallationId, repository, "main", "feedback", None);
        var other = await Client.ListOpenPullRequestsAsync(InstallationId, repository, "feedback", "main", None);
        await Client.ProtectBranchAsync(InstallationId, repository, "feedback", None);

        Assert.Equal(starter, await Client.GetBranchShaAsync(InstallationId, repository, "feedback", None));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, exists.StatusCode);
        Assert.Contains("No commits between feedback and main", empty.Message, StringComparison.Ordinal);
        Assert.Contains("A pull request already exists", again.Message, StringComparison.Ordinal);
        Assert.Equal((pull.Number, "main"), (Assert.Single(listed).Number, pull.HeadRef));
        Assert.Empty(other);
        Assert.Equal(["feedback"], GitHub.LockedBranches(Org, Repo));
        GitHub.AssertNoViolations();
    }

    [Fact]
    public async Task SecondaryRateLimit_IsWaitedOut_AndTheRequestSucceeds()
    {
        GitHub.LimitContentCreation(1, TimeSpan.FromSeconds(2));
        await Client.CreateOrganizationRepositoryAsync(InstallationId, new RepositoryRef(Org, "one"), "x", None);
        var clock = Stopwatch.StartNew();

        await Client.CreateOrganizationRepositoryAsync(InstallationId, new RepositoryRef(Org, "two"), "x", None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"answered after {clock.Elapsed}, before the limit's window ended");
        Assert.Equal(1, GitHub.ContentCreationRefusals);
        Assert.Contains(GitHub.Requests, r => r.Status == 403 && r.Path.EndsWith("/orgs/cs101/repos", StringComparison.Ordinal));
        GitHub.AssertNoViolations();
    }
}
