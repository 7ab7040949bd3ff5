using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>Check runs: create, update (annotations append), list for a ref.</summary>
internal static class CheckRunEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/repos/{owner}/{repo}/check-runs", CreateAsync).WithMetadata(StandInEndpoint.Instance);
        api.MapPatch("/repos/{owner}/{repo}/check-runs/{checkRunId:long}", Update).WithMetadata(StandInEndpoint.Instance);
    }

    /// <summary><c>GET /repos/{o}/{r}/commits/{ref}/check-runs</c> (the ref may hold slashes).</summary>
    public static async Task<IResult> ListForRefAsync(HttpContext context, StandInCore core, RepoRecord repository, string gitRef)
    {
        var sha = await core.Git.ResolveCommitAsync(repository.Owner, repository.Name, gitRef, context.RequestAborted);
        if (sha is null)
        {
            return ViolationRecorder.Refuse(core, context, $"No commit found for SHA: {gitRef}");
        }

        var query = context.Request.Query;
        var runs = core.CheckRuns.All()
            .Where(r => r.Repository.FullName.Equals(repository.FullName, StringComparison.OrdinalIgnoreCase) && r.HeadSha == sha)
            .Where(r => query["check_name"].Count == 0 || r.Name == query["check_name"].ToString())
            .Where(r => query["status"].Count == 0 || r.Status == query["status"].ToString())
            .Where(r => query["app_id"].Count == 0 || query["app_id"].ToString() == core.App.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderByDescending(r => r.Id)
            .ToList();
        if (query["filter"].ToString() != "all")
        {
            // "latest" (the default): the most recent run of each name.
            runs = [.. runs.GroupBy(r => r.Name, StringComparer.Ordinal).Select(g => g.First()).OrderByDescending(r => r.Id)];
        }

        var page = Pagination.Page(context, core.Shapes.ApiBaseUrl, runs);
        var pulls = core.Issues.PullRequestsOf(repository);
        return ApiResults.Json(new JsonObject
        {
            ["total_count"] = runs.Count,
            ["check_runs"] = new JsonArray([.. page.Select(r => core.Shapes.CheckRun(r, PullsOf(core, repository, pulls, r), core.AppCreatedAt))]),
        });
    }

    /// <summary>The open pull requests of the run's commit, as a check run lists them.</summary>
    public static IEnumerable<JsonObject> PullsOf(StandInCore core, RepoRecord repository, IEnumerable<PullRequestView> pulls, CheckRunView run) =>
        pulls.Where(p => p.State == "open" && p.HeadSha == run.HeadSha).Select(p => core.Shapes.MinimalPullRequest(p, repository));

    private static async Task<IResult> CreateAsync(HttpContext context, StandInCore core, string owner, string repo)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallation(core, request.Caller, owner, repo);
        if (repository is null)
        {
            return denied!;
        }

        var body = request.BodyObject;
        var headSha = body["head_sha"]?.GetValue<string>() ?? string.Empty;
        var resolved = headSha.Length == 40 && headSha.All(char.IsAsciiHexDigit)
            ? await core.Git.ResolveCommitAsync(repository.Owner, repository.Name, headSha, context.RequestAborted)
            : null;
        if (resolved is null || !resolved.Equals(headSha, StringComparison.OrdinalIgnoreCase))
        {
            return ViolationRecorder.Refuse(core, context, $"No commit found for SHA: {headSha}");
        }

        if (body["status"]?.GetValue<string>() == "completed" && body["conclusion"] is null)
        {
            return ViolationRecorder.Refuse(core, context, "Invalid request.\n\n\"conclusion\" is required when \"status\" is \"completed\".");
        }

        var run = core.CheckRuns.Create(repository, resolved, body, request.BodyText, core.Clock.GetUtcNow());
        return ApiResults.Created(context, core.Shapes.CheckRun(run, PullsOf(core, repository, core.Issues.PullRequestsOf(repository), run), core.AppCreatedAt));
    }

    private static IResult Update(HttpContext context, StandInCore core, string owner, string repo, long checkRunId)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallation(core, request.Caller, owner, repo);
        if (repository is null)
        {
            return denied!;
        }

        var run = core.CheckRuns.Update(repository, checkRunId, request.BodyObject, request.BodyText, core.Clock.GetUtcNow());
        return run is null
            ? ApiResults.NotFound()
            : ApiResults.Json(core.Shapes.CheckRun(run, PullsOf(core, repository, core.Issues.PullRequestsOf(repository), run), core.AppCreatedAt));
    }
}
