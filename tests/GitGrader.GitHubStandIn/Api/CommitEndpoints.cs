using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary><c>GET /repos/{o}/{r}/commits/{ref}/…</c>: check runs and pull requests of a commit (the ref may hold slashes).</summary>
internal static class CommitEndpoints
{
    private const string CheckRunsSuffix = "/check-runs";
    private const string PullsSuffix = "/pulls";

    /// <summary>Maps the endpoint.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/repos/{owner}/{repo}/commits/{**rest}", DispatchAsync).WithMetadata(StandInEndpoint.Instance);

    private static async Task<IResult> DispatchAsync(HttpContext context, StandInCore core, string owner, string repo, string rest)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallation(core, request.Caller, owner, repo);
        if (repository is null)
        {
            return denied!;
        }

        if (rest.EndsWith(CheckRunsSuffix, StringComparison.Ordinal) && rest.Length > CheckRunsSuffix.Length)
        {
            return await CheckRunEndpoints.ListForRefAsync(context, core, repository, rest[..^CheckRunsSuffix.Length]);
        }

        if (rest.EndsWith(PullsSuffix, StringComparison.Ordinal) && rest.Length > PullsSuffix.Length)
        {
            return await ListPullsAsync(context, core, repository, rest[..^PullsSuffix.Length]);
        }

        ViolationRecorder.Record(core, context, ViolationKind.NotImplemented, [$"GitHub has {request.Operation} but the stand-in does not implement it"], StatusCodes.Status404NotFound);
        return ApiResults.NotFound();
    }

    private static async Task<IResult> ListPullsAsync(HttpContext context, StandInCore core, RepoRecord repository, string commit)
    {
        var cancellationToken = context.RequestAborted;
        var sha = await core.Git.ResolveCommitAsync(repository.Owner, repository.Name, commit, cancellationToken);
        if (sha is null)
        {
            return ViolationRecorder.Refuse(core, context, $"No commit found for SHA: {commit}");
        }

        var matching = new List<PullRequestView>();
        foreach (var pull in core.Issues.PullRequestsOf(repository))
        {
            if (pull.HeadSha == sha || await core.Git.IsAncestorAsync(repository.Owner, repository.Name, sha, pull.HeadSha, cancellationToken))
            {
                matching.Add(pull);
            }
        }

        var page = Pagination.Page(context, core.Shapes.ApiBaseUrl, matching);
        var now = core.Clock.GetUtcNow();
        return ApiResults.Json(new JsonArray([.. page.Select(p => core.Shapes.SimplePullRequest(p, repository, now))]));
    }
}
