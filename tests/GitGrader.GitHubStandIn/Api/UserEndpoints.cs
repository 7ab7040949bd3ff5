using GitGrader.GitHubStandIn.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary><c>GET /users/{username}</c>: accounts that exist (made by <c>AddUser</c>, <c>CreateUserToken</c> or <c>InstallApp</c>); any other login is 404.</summary>
internal static class UserEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/users/{username}", Get).WithMetadata(StandInEndpoint.Instance);

    private static IResult Get(HttpContext context, StandInCore core, string username)
    {
        var caller = context.Features.Get<ApiRequestFeature>()!.Caller;
        if (caller.Kind == AuthKind.Invalid)
        {
            return ApiResults.Error(StatusCodes.Status401Unauthorized, caller.Error ?? "Bad credentials");
        }

        if (!core.Access.TryFindAccount(username, out var login))
        {
            return ApiResults.NotFound();
        }

        var organization = core.Repositories.All().Any(r => r.Owner.Equals(login, StringComparison.OrdinalIgnoreCase));
        return ApiResults.Json(core.Shapes.PublicUser(login, organization ? "Organization" : "User", core.AppCreatedAt));
    }
}
