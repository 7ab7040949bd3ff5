using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>Issue and pull request comments: list, create, edit.</summary>
internal static class CommentEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments", List).WithMetadata(StandInEndpoint.Instance);
        api.MapPost("/repos/{owner}/{repo}/issues/{number:int}/comments", Create).WithMetadata(StandInEndpoint.Instance);
        api.MapPatch("/repos/{owner}/{repo}/issues/comments/{commentId:long}", Update).WithMetadata(StandInEndpoint.Instance);
    }

    private static IResult List(HttpContext context, StandInCore core, string owner, string repo, int number)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallation(core, request.Caller, owner, repo);
        if (repository is null)
        {
            return denied!;
        }

        if (core.Issues.FindIssue(repository, number) is null && core.Issues.FindPullRequest(repository, number) is null)
        {
            return ApiResults.NotFound();
        }

        var since = context.Request.Query["since"].ToString();
        var comments = core.Issues.CommentsOn(repository, number)
            .Where(c => since.Length == 0
                || !DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var after)
                || c.UpdatedAt >= after)
            .ToList();
        var page = Pagination.Page(context, core.Shapes.ApiBaseUrl, comments);
        return ApiResults.Json(new JsonArray([.. page.Select(core.Shapes.Comment)]));
    }

    private static IResult Create(HttpContext context, StandInCore core, string owner, string repo, int number)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallation(core, request.Caller, owner, repo);
        if (repository is null)
        {
            return denied!;
        }

        var text = request.BodyObject["body"]?.GetValue<string>() ?? string.Empty;
        if (BodyRules.Check(text, required: true) is { } problem)
        {
            return ViolationRecorder.Refuse(core, context, problem);
        }

        var comment = core.Issues.AddComment(repository, number, text, core.App.BotLogin, core.Clock.GetUtcNow());
        return comment is null ? ApiResults.NotFound() : ApiResults.Created(context, core.Shapes.Comment(comment));
    }

    private static IResult Update(HttpContext context, StandInCore core, string owner, string repo, long commentId)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallation(core, request.Caller, owner, repo);
        if (repository is null)
        {
            return denied!;
        }

        var text = request.BodyObject["body"]?.GetValue<string>() ?? string.Empty;
        if (BodyRules.Check(text, required: true) is { } problem)
        {
            return ViolationRecorder.Refuse(core, context, problem);
        }

        var comment = core.Issues.EditComment(repository, commentId, text, core.Clock.GetUtcNow());
        return comment is null ? ApiResults.NotFound() : ApiResults.Json(core.Shapes.Comment(comment));
    }
}
