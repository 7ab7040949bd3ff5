using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.State;
using GitGrader.GitHubStandIn.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>
/// Pull requests of a repository: listed (<c>state</c>, <c>head</c> as <c>owner:branch</c>, <c>base</c>) and opened, with
/// GitHub's refusals: a branch that does not exist, one open already for the same head and base ("A pull request already
/// exists for owner:branch."), and a head with no commit the base lacks ("No commits between base and head"). Opening one
/// sends <c>pull_request</c> <c>opened</c> once the answer is sent.
/// </summary>
internal static class PullEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/repos/{owner}/{repo}/pulls", List).WithMetadata(StandInEndpoint.Instance);
        api.MapPost("/repos/{owner}/{repo}/pulls", CreateAsync).WithMetadata(StandInEndpoint.Instance);
    }

    private static IResult List(HttpContext context, StandInCore core, string owner, string repo)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallation(core, request.Caller, owner, repo);
        if (repository is null)
        {
            return denied!;
        }

        var query = context.Request.Query;
        var state = query["state"].Count == 0 ? "open" : query["state"].ToString();
        var head = query["head"].Count == 0 ? null : BranchOf(query["head"].ToString(), repository);
        var baseRef = query["base"].Count == 0 ? null : query["base"].ToString();
        var pulls = core.Issues.PullRequestsOf(repository)
            .Where(p => state == "all" || p.State == state)
            .Where(p => head is null || p.HeadRef == head)
            .Where(p => baseRef is null || p.BaseRef == baseRef)
            .OrderByDescending(p => p.CreatedAt)
            .ToList();
        var now = core.Clock.GetUtcNow();
        var page = Pagination.Page(context, core.Shapes.ApiBaseUrl, pulls);
        return ApiResults.Json(new JsonArray([.. page.Select(p => core.Shapes.SimplePullRequest(p, repository, now))]));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, StandInCore core, string owner, string repo)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallationWrite(core, context, owner, repo, "pull_requests");
        if (repository is null)
        {
            return denied!;
        }

        var body = request.BodyObject;
        var title = body["title"]?.GetValue<string>() ?? string.Empty;
        var headText = body["head"]!.GetValue<string>();
        var head = BranchOf(headText, repository);
        var baseRef = body["base"]!.GetValue<string>();
        var cancellationToken = context.RequestAborted;
        var headSha = head is null ? null : await core.Git.ResolveCommitAsync(repository.Owner, repository.Name, "refs/heads/" + head, cancellationToken);
        var baseSha = await core.Git.ResolveCommitAsync(repository.Owner, repository.Name, "refs/heads/" + baseRef, cancellationToken);
        if (headSha is null)
        {
            return ApiResults.Failed(StatusCodes.Status422UnprocessableEntity, "Validation Failed", "PullRequest", "head", "invalid", null);
        }

        if (baseSha is null)
        {
            return ApiResults.Failed(StatusCodes.Status422UnprocessableEntity, "Validation Failed", "PullRequest", "base", "invalid", null);
        }

        if (title.Trim().Length == 0)
        {
            return ApiResults.Failed(StatusCodes.Status422UnprocessableEntity, "Validation Failed", "PullRequest", "title", "missing_field", null);
        }

        if (core.Issues.PullRequestsOf(repository).Any(p => p.State == "open" && p.HeadRef == head && p.BaseRef == baseRef))
        {
            return ApiResults.Failed(StatusCodes.Status422UnprocessableEntity, "Validation Failed", "PullRequest", null, "custom", $"A pull request already exists for {repository.Owner}:{head}.");
        }

        if (await core.Git.IsAncestorAsync(repository.Owner, repository.Name, headSha, baseSha, cancellationToken))
        {
            return ApiResults.Failed(StatusCodes.Status422UnprocessableEntity, "Validation Failed", "PullRequest", null, "custom", $"No commits between {baseRef} and {head}");
        }

        var now = core.Clock.GetUtcNow();
        var author = core.App.BotLogin;
        var pull = core.Issues.OpenPullRequest(repository, title, head!, headSha, baseRef, baseSha, author, now);
        core.Dispatcher.Reserve();
        context.Response.OnCompleted(() =>
        {
            _ = core.Dispatcher.Enqueue(
                new WebhookWork(
                    "pull_request",
                    _ => Task.FromResult<IReadOnlyList<PreparedWebhook>>(
                        [WebhookDispatcher.Prepare("pull_request", core.Payloads.PullRequest("opened", repository, repository.InstallationId, pull, author, null, now), builtByStandIn: true)])),
                reserved: true);
            return Task.CompletedTask;
        });
        return ApiResults.Created(context, core.Shapes.FullPullRequest(pull, repository, now));
    }

    /// <summary>The branch of a <c>head</c> (<c>branch</c> or <c>owner:branch</c>); null when the owner is another account (forks are not simulated).</summary>
    private static string? BranchOf(string head, RepoRecord repository)
    {
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return head;
        }

        return head[..colon].Equals(repository.Owner, StringComparison.OrdinalIgnoreCase) ? head[(colon + 1)..] : null;
    }
}
