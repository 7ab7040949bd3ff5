using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary><c>GET /user</c>: the user a user token (a sign-in's <c>ghu_…</c>, or <c>CreateUserToken</c>'s) belongs to; 401 without one, 403 for the App or an installation.</summary>
internal static class AuthenticatedUserEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/user", Get).WithMetadata(StandInEndpoint.Instance);

    private static IResult Get(HttpContext context, StandInCore core)
    {
        var caller = context.Features.Get<ApiRequestFeature>()!.Caller;
        return caller.Kind switch
        {
            AuthKind.UserToken => ApiResults.Json(core.Shapes.PublicUser(caller.Login!, "User", core.AppCreatedAt)),
            AuthKind.None => ApiResults.Error(StatusCodes.Status401Unauthorized, "Requires authentication"),
            AuthKind.Invalid => ApiResults.Error(StatusCodes.Status401Unauthorized, caller.Error ?? "Bad credentials"),
            _ => ApiResults.Error(StatusCodes.Status403Forbidden, "Resource not accessible by integration"),
        };
    }
}
