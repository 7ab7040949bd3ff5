using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>
/// <c>GET /repos/{o}/{r}/activity</c>: the repository's pushes, newest first (or oldest, <c>direction=asc</c>), filtered
/// by <c>ref</c> (a full ref or a branch name), <c>actor</c> and <c>activity_type</c>; the first page only
/// (<c>per_page</c>). Answers carry a weak <c>ETag</c>, and a request whose <c>If-None-Match</c> names it gets
/// <c>304 Not Modified</c> with no body, as GitHub answers a conditional request (which does not count against its rate
/// limit). The <c>before</c>/<c>after</c> cursors and <c>time_period</c> are not implemented.
/// </summary>
internal static class ActivityEndpoints
{
    private const int DefaultPerPage = 30;
    private const int MaxPerPage = 100;

    /// <summary>Maps the endpoint.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/repos/{owner}/{repo}/activity", List).WithMetadata(StandInEndpoint.Instance);

    private static IResult List(HttpContext context, StandInCore core, string owner, string repo)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallation(core, request.Caller, owner, repo);
        if (repository is null)
        {
            return denied!;
        }

        var query = context.Request.Query;
        if (new[] { "before", "after", "time_period" }.FirstOrDefault(p => query.ContainsKey(p)) is { } unsupported)
        {
            ViolationRecorder.Record(core, context, ViolationKind.NotImplemented, [$"the stand-in does not implement '{unsupported}' of {request.Operation}"], StatusCodes.Status422UnprocessableEntity);
            return ApiResults.Error(StatusCodes.Status422UnprocessableEntity, $"The stand-in does not implement '{unsupported}'.");
        }

        var perPage = Math.Clamp(int.TryParse(query["per_page"], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? asked : DefaultPerPage, 1, MaxPerPage);
        IEnumerable<ActivityRecord> entries = core.Activity.Of(repository);
        if (query["ref"].ToString() is { Length: > 0 } gitRef)
        {
            var full = gitRef.StartsWith("refs/", StringComparison.Ordinal) ? gitRef : "refs/heads/" + gitRef;
            entries = entries.Where(e => e.Ref == full);
        }

        if (query["actor"].ToString() is { Length: > 0 } actor)
        {
            entries = entries.Where(e => string.Equals(e.Actor, actor, StringComparison.OrdinalIgnoreCase));
        }

        if (query["activity_type"].ToString() is { Length: > 0 } type)
        {
            entries = entries.Where(e => e.ActivityType == type);
        }

        if (query["direction"].ToString() != "asc")
        {
            entries = entries.Reverse();
        }

        var body = new JsonArray([.. entries.Take(perPage).Select(e => Item(core, e))]).ToJsonString();
        var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..32]}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.Any(v => v == etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Text(body, "application/json; charset=utf-8", Encoding.UTF8, StatusCodes.Status200OK);
    }

    private static JsonObject Item(StandInCore core, ActivityRecord entry) => new()
    {
        ["id"] = entry.Id,
        ["node_id"] = JsonShapes.NodeId("RepositoryActivity", entry.Id),
        ["before"] = entry.Before,
        ["after"] = entry.After,
        ["ref"] = entry.Ref,
        ["timestamp"] = JsonShapes.Time(entry.Timestamp),
        ["activity_type"] = entry.ActivityType,
        ["actor"] = core.Shapes.Actor(entry.Actor),
    };
}
