using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>
/// Collaborators and invitations: <c>PUT …/collaborators/{username}</c> answers 201 with an invitation (new, or the pending
/// one with its permission changed) or 204 for a collaborator already (whose permission it changes); pending invitations are
/// listed and their permission changed. The invitee accepts with <c>GitHubStandIn.AcceptInvitation</c>.
/// </summary>
internal static class CollaboratorEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPut("/repos/{owner}/{repo}/collaborators/{username}", Put).WithMetadata(StandInEndpoint.Instance);
        api.MapGet("/repos/{owner}/{repo}/invitations", List).WithMetadata(StandInEndpoint.Instance);
        api.MapPatch("/repos/{owner}/{repo}/invitations/{invitationId:long}", Update).WithMetadata(StandInEndpoint.Instance);
    }

    private static IResult Put(HttpContext context, StandInCore core, string owner, string repo, string username)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallationWrite(core, context, owner, repo, "administration");
        if (repository is null)
        {
            return denied!;
        }

        if (!core.Access.TryFindAccount(username, out var login))
        {
            return ApiResults.NotFound();
        }

        var permission = request.BodyObject["permission"]?.GetValue<string>() ?? "push";
        if (!RepositoryAccess.IsPermission(permission))
        {
            return ViolationRecorder.Refuse(core, context, $"Validation Failed: permission must be pull, triage, push, maintain or admin (or a custom role), not '{permission}'");
        }

        var now = core.Clock.GetUtcNow();
        var invitation = core.RepositoryAccess.Put(repository, login, permission, core.App.BotLogin, now);
        return invitation is null ? Results.NoContent() : ApiResults.Created(context, core.Shapes.Invitation(invitation, now));
    }

    private static IResult List(HttpContext context, StandInCore core, string owner, string repo)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallationWrite(core, context, owner, repo, "administration");
        if (repository is null)
        {
            return denied!;
        }

        var now = core.Clock.GetUtcNow();
        var page = Pagination.Page(context, core.Shapes.ApiBaseUrl, core.RepositoryAccess.InvitationsOf(repository));
        return ApiResults.Json(new JsonArray([.. page.Select(i => core.Shapes.Invitation(i, now))]));
    }

    private static IResult Update(HttpContext context, StandInCore core, string owner, string repo, long invitationId)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallationWrite(core, context, owner, repo, "administration");
        if (repository is null)
        {
            return denied!;
        }

        var permissions = request.BodyObject["permissions"]?.GetValue<string>();
        var updated = permissions is null ? core.RepositoryAccess.InvitationsOf(repository).FirstOrDefault(i => i.Id == invitationId) : core.RepositoryAccess.UpdateInvitation(repository, invitationId, permissions);
        return updated is null ? ApiResults.NotFound() : ApiResults.Json(core.Shapes.Invitation(updated, core.Clock.GetUtcNow()));
    }
}
