using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary><c>GET /app</c>, <c>GET /repos/{o}/{r}/installation</c>, <c>POST /app/installations/{id}/access_tokens</c>: the App's own endpoints (JWT).</summary>
internal static class AppEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/app", GetApp).WithMetadata(StandInEndpoint.Instance);
        api.MapGet("/repos/{owner}/{repo}/installation", GetRepositoryInstallation).WithMetadata(StandInEndpoint.Instance);
        api.MapGet("/orgs/{org}/installation", GetOrganizationInstallation).WithMetadata(StandInEndpoint.Instance);
        api.MapPost("/app/installations/{installationId:long}/access_tokens", CreateAccessToken).WithMetadata(StandInEndpoint.Instance);
    }

    private static IResult GetApp(HttpContext context, StandInCore core)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        return ApiAuth.RequireApp(request.Caller) ?? ApiResults.Json(core.Shapes.App(core.AppCreatedAt));
    }

    private static IResult GetRepositoryInstallation(HttpContext context, StandInCore core, string owner, string repo)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        if (ApiAuth.RequireApp(request.Caller) is { } denied)
        {
            return denied;
        }

        var repository = core.Repositories.Find(owner, repo);
        var installation = repository is null ? null : core.Access.FindInstallation(repository.InstallationId);
        return installation is null ? ApiResults.NotFound() : ApiResults.Json(core.Shapes.Installation(installation));
    }

    private static IResult GetOrganizationInstallation(HttpContext context, StandInCore core, string org)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        if (ApiAuth.RequireApp(request.Caller) is { } denied)
        {
            return denied;
        }

        var installation = core.Access.FindInstallationOf(org);
        return installation is null ? ApiResults.NotFound() : ApiResults.Json(core.Shapes.Installation(installation));
    }

    private static IResult CreateAccessToken(HttpContext context, StandInCore core, long installationId)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        if (ApiAuth.RequireApp(request.Caller) is { } denied)
        {
            return denied;
        }

        if (core.Access.FindInstallation(installationId) is null)
        {
            return ApiResults.NotFound();
        }

        if (request.BodyObject.ContainsKey("repositories") || request.BodyObject.ContainsKey("repository_ids") || request.BodyObject.ContainsKey("permissions"))
        {
            ViolationRecorder.Record(core, context, ViolationKind.NotImplemented, ["the stand-in does not narrow tokens to repositories or permissions; the token covers the whole installation"], StatusCodes.Status201Created);
        }

        var (token, expiresAt) = core.Access.IssueInstallationToken(installationId);
        return ApiResults.Json(
            new JsonObject
            {
                ["token"] = token,
                ["expires_at"] = JsonShapes.Time(expiresAt),
                ["permissions"] = core.Shapes.Permissions(),
                ["repository_selection"] = "selected",
            },
            StatusCodes.Status201Created);
    }
}
