using System.Globalization;
using System.Text.Json.Nodes;
using GitGrader.GitHubStandIn.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>Issues: list (pull requests included, as GitHub does), create, edit.</summary>
internal static class IssueEndpoints
{
    private static readonly string[] UnsupportedFilters = ["milestone", "assignee", "type", "mentioned", "labels", "issue_field_values"];

    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/repos/{owner}/{repo}/issues", List).WithMetadata(StandInEndpoint.Instance);
        api.MapPost("/repos/{owner}/{repo}/issues", Create).WithMetadata(StandInEndpoint.Instance);
        api.MapPatch("/repos/{owner}/{repo}/issues/{number:int}", Update).WithMetadata(StandInEndpoint.Instance);
    }

    /// <summary>Text of a title that may be sent as a string or an integer.</summary>
    public static string? TitleOf(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<long>(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static IResult List(HttpContext context, StandInCore core, string owner, string repo)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallation(core, request.Caller, owner, repo);
        if (repository is null)
        {
            return denied!;
        }

        var query = context.Request.Query;
        var unsupported = UnsupportedFilters.Where(f => query.ContainsKey(f)).ToList();
        if (unsupported.Count > 0)
        {
            ViolationRecorder.Record(core, context, ViolationKind.NotImplemented, [$"the stand-in ignores the issue filters {string.Join(", ", unsupported)}"], StatusCodes.Status200OK);
        }

        var state = query["state"].Count == 0 ? "open" : query["state"].ToString();
        var creator = query["creator"].Count == 0 ? null : query["creator"].ToString();
        DateTimeOffset? since = DateTimeOffset.TryParse(query["since"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s) ? s : null;
        var comments = core.Issues.AllComments();
        int CommentCount(int number) => comments.Count(c => c.IssueNumber == number && c.Repository.FullName.Equals(repository.FullName, StringComparison.OrdinalIgnoreCase));

        var items = core.Issues.IssuesOf(repository)
            .Select(i => new ListedIssue(i.Number, i.State, i.AuthorLogin, i.CreatedAt, i.UpdatedAt, () => core.Shapes.Issue(i, CommentCount(i.Number))))
            .Concat(core.Issues.PullRequestsOf(repository)
                .Select(p => new ListedIssue(p.Number, p.State, p.AuthorLogin, p.CreatedAt, p.UpdatedAt, () => core.Shapes.PullRequestAsIssue(p, CommentCount(p.Number)))))
            .Where(i => state == "all" || i.State == state)
            .Where(i => creator is null || i.Author.Equals(creator, StringComparison.OrdinalIgnoreCase))
            .Where(i => since is null || i.UpdatedAt >= since)
            .ToList();
        Func<ListedIssue, object> key = query["sort"].ToString() switch
        {
            "updated" => i => i.UpdatedAt,
            "comments" => i => CommentCount(i.Number),
            _ => i => i.CreatedAt,
        };
        var ascending = query["direction"].ToString() == "asc";
        var sorted = (ascending ? items.OrderBy(key).ThenBy(i => i.Number) : items.OrderByDescending(key).ThenByDescending(i => i.Number)).ToList();
        var page = Pagination.Page(context, core.Shapes.ApiBaseUrl, sorted);
        return ApiResults.Json(new JsonArray([.. page.Select(i => i.Json())]));
    }

    private static IResult Create(HttpContext context, StandInCore core, string owner, string repo)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallation(core, request.Caller, owner, repo);
        if (repository is null)
        {
            return denied!;
        }

        var body = request.BodyObject;
        var title = TitleOf(body["title"]) ?? string.Empty;
        if (title.Trim().Length == 0)
        {
            return ViolationRecorder.Refuse(core, context, "Validation Failed: title cannot be blank");
        }

        var text = body["body"]?.GetValue<string>();
        if (BodyRules.Check(text, required: false) is { } problem)
        {
            return ViolationRecorder.Refuse(core, context, problem);
        }

        var issue = core.Issues.CreateIssue(repository, title, text, core.App.BotLogin, core.Clock.GetUtcNow());
        return ApiResults.Created(context, core.Shapes.Issue(issue, 0));
    }

    private static IResult Update(HttpContext context, StandInCore core, string owner, string repo, int number)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallation(core, request.Caller, owner, repo);
        if (repository is null)
        {
            return denied!;
        }

        if (core.Issues.FindPullRequest(repository, number) is not null)
        {
            ViolationRecorder.Record(core, context, ViolationKind.NotImplemented, [$"#{number} is a pull request; the stand-in edits issues only"], StatusCodes.Status404NotFound);
            return ApiResults.NotFound();
        }

        var body = request.BodyObject;
        var title = TitleOf(body["title"]);
        if (body.ContainsKey("title") && string.IsNullOrWhiteSpace(title))
        {
            return ViolationRecorder.Refuse(core, context, "Validation Failed: title cannot be blank");
        }

        var text = body["body"]?.GetValue<string>();
        if (BodyRules.Check(text, required: false) is { } problem)
        {
            return ViolationRecorder.Refuse(core, context, problem);
        }

        var issue = core.Issues.UpdateIssue(
            repository,
            number,
            title,
            text,
            body.ContainsKey("body"),
            body["state"]?.GetValue<string>(),
            body["state_reason"]?.GetValue<string>(),
            core.Clock.GetUtcNow());
        if (issue is null)
        {
            return ApiResults.NotFound();
        }

        var comments = core.Issues.CommentsOn(repository, number).Count;
        return ApiResults.Json(core.Shapes.Issue(issue, comments));
    }
}
