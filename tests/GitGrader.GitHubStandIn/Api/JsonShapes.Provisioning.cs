using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.State;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>The objects of provisioning: a full repository, a public user, an invitation, a git ref, a full pull request, a protected branch.</summary>
internal sealed partial class JsonShapes
{
    /// <summary>A repository as <c>GET /repos/{o}/{r}</c> and the create endpoints answer (<c>full-repository</c>).</summary>
    public JsonObject FullRepository(RepoRecord repository, bool isTemplate, DateTimeOffset now)
    {
        var repo = Repository(repository, now);
        repo["is_template"] = isTemplate;
        repo["network_count"] = 0;
        repo["subscribers_count"] = 0;
        return repo;
    }

    /// <summary>A user as <c>GET /users/{username}</c> answers (<c>public-user</c>).</summary>
    public JsonObject PublicUser(string login, string type, DateTimeOffset createdAt)
    {
        var user = User(login, type);
        user["name"] = null;
        user["company"] = null;
        user["blog"] = string.Empty;
        user["location"] = null;
        user["email"] = null;
        user["hireable"] = null;
        user["bio"] = null;
        user["public_repos"] = 0;
        user["public_gists"] = 0;
        user["followers"] = 0;
        user["following"] = 0;
        user["created_at"] = Time(createdAt);
        user["updated_at"] = Time(createdAt);
        return user;
    }

    /// <summary>An invitation (<c>repository-invitation</c>).</summary>
    public JsonObject Invitation(InvitationRecord invitation, DateTimeOffset now) => new()
    {
        ["id"] = invitation.Id,
        ["node_id"] = NodeId("RepositoryInvitation", invitation.Id),
        ["repository"] = MinimalRepository(invitation.Repository),
        ["invitee"] = User(invitation.InviteeLogin),
        ["inviter"] = Actor(invitation.InviterLogin),
        ["permissions"] = invitation.Permissions,
        ["created_at"] = Time(invitation.CreatedAt),
        ["expired"] = now - invitation.CreatedAt > TimeSpan.FromDays(7),
        ["url"] = Api($"user/repository_invitations/{invitation.Id}"),
        ["html_url"] = Web($"{invitation.Repository.FullName}/invitations"),
    };

    /// <summary>A branch's ref (<c>git-ref</c>).</summary>
    public JsonObject GitRef(RepoRecord repository, string fullRef, string sha) => new()
    {
        ["ref"] = fullRef,
        ["node_id"] = NodeId("Ref", Math.Abs((long)StringComparer.Ordinal.GetHashCode(repository.FullName + fullRef))),
        ["url"] = Api($"repos/{repository.FullName}/git/{fullRef}"),
        ["object"] = new JsonObject
        {
            ["type"] = "commit",
            ["sha"] = sha,
            ["url"] = Api($"repos/{repository.FullName}/git/commits/{sha}"),
        },
    };

    /// <summary>A pull request as <c>POST …/pulls</c> answers (<c>pull-request</c>).</summary>
    public JsonObject FullPullRequest(PullRequestView pull, RepoRecord repository, DateTimeOffset now)
    {
        var json = SimplePullRequest(pull, repository, now);
        json["merged"] = pull.Merged;
        json["mergeable"] = null;
        json["rebaseable"] = null;
        json["mergeable_state"] = "unknown";
        json["merged_by"] = null;
        json["comments"] = 0;
        json["review_comments"] = 0;
        json["maintainer_can_modify"] = false;
        json["commits"] = 1;
        json["additions"] = 0;
        json["deletions"] = 0;
        json["changed_files"] = 0;
        return json;
    }

    /// <summary>A protected branch as <c>PUT …/protection</c> answers (<c>protected-branch</c>).</summary>
    public JsonObject ProtectedBranch(RepoRecord repository, string branch)
    {
        var url = Api($"repos/{repository.FullName}/branches/{branch}/protection");
        return new JsonObject
        {
            ["url"] = url,
            ["enforce_admins"] = new JsonObject { ["url"] = url + "/enforce_admins", ["enabled"] = true },
            ["allow_force_pushes"] = new JsonObject { ["enabled"] = false },
            ["allow_deletions"] = new JsonObject { ["enabled"] = false },
            ["lock_branch"] = new JsonObject { ["enabled"] = true },
        };
    }

    private JsonObject MinimalRepository(RepoRecord repository)
    {
        var repo = Repository(repository, repository.CreatedAt);
        return repo;
    }
}
