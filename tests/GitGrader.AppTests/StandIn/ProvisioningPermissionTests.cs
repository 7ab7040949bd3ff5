using System.Net;
using GitGrader.GitHubStandIn;

namespace GitGrader.AppTests.StandInTests;

/// <summary>The stand-in enforces the App's permissions as GitHub does: without them, provisioning is refused with 403.</summary>
public sealed class ProvisioningPermissionTests : StandInTestBase
{
    [Fact]
    public async Task WithoutAdministrationAndRepositoryCreation_CreatingAndInvitingAre403()
    {
        GitHub.AddUser("alice");

        var create = await Api.SendAsync(HttpMethod.Post, $"orgs/{Org}/repos", TokenAuth, new System.Text.Json.Nodes.JsonObject { ["name"] = "x" });
        var invite = await Api.SendAsync(HttpMethod.Put, $"repos/{Org}/{Repo}/collaborators/alice", TokenAuth, new System.Text.Json.Nodes.JsonObject { ["permission"] = "push" });

        Assert.Equal((int)HttpStatusCode.Forbidden, create.Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, invite.Status);
        Assert.Contains("Resource not accessible by integration", invite.Body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(GitHub.Repositories, r => r.Repository.Name == "x");
    }
}
