using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>
/// Git references: <c>GET …/git/ref/{ref}</c> (404 when there is no such ref, 409 "Git Repository is empty." when the
/// repository has no commit yet, as GitHub answers) and <c>POST …/git/refs</c> (422 when it exists or the sha is unknown).
/// </summary>
internal static class GitRefEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/repos/{owner}/{repo}/git/ref/{**gitRef}", GetAsync).WithMetadata(StandInEndpoint.Instance);
        api.MapPost("/repos/{owner}/{repo}/git/refs", CreateAsync).WithMetadata(StandInEndpoint.Instance);
    }

    private static async Task<IResult> GetAsync(HttpContext context, StandInCore core, string owner, string repo, string gitRef)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallation(core, request.Caller, owner, repo);
        if (repository is null)
        {
            return denied!;
        }

        var refs = await core.Git.ReadRefsAsync(repository.Owner, repository.Name, context.RequestAborted);
        if (refs.Count == 0)
        {
            return ApiResults.Error(StatusCodes.Status409Conflict, "Git Repository is empty.");
        }

        var full = "refs/" + gitRef;
        return refs.TryGetValue(full, out var sha) ? ApiResults.Json(core.Shapes.GitRef(repository, full, sha)) : ApiResults.NotFound();
    }

    private static async Task<IResult> CreateAsync(HttpContext context, StandInCore core, string owner, string repo)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallationWrite(core, context, owner, repo, "contents");
        if (repository is null)
        {
            return denied!;
        }

        var body = request.BodyObject;
        var fullRef = body["ref"]!.GetValue<string>();
        var sha = body["sha"]!.GetValue<string>();
        if (!fullRef.StartsWith("refs/", StringComparison.Ordinal) || fullRef.Count(c => c == '/') < 2)
        {
            return ViolationRecorder.Refuse(core, context, $"Reference name '{fullRef}' is not valid: it must start with 'refs' and have at least two slashes");
        }

        var cancellationToken = context.RequestAborted;
        var commit = await core.Git.ResolveCommitAsync(repository.Owner, repository.Name, sha, cancellationToken);
        if (commit is null || !commit.Equals(sha, StringComparison.OrdinalIgnoreCase))
        {
            return ApiResults.Error(StatusCodes.Status422UnprocessableEntity, "Object does not exist");
        }

        if (!await core.Git.CreateRefAsync(repository.Owner, repository.Name, fullRef, commit, cancellationToken))
        {
            return ApiResults.Error(StatusCodes.Status422UnprocessableEntity, "Reference already exists");
        }

        return ApiResults.Created(context, core.Shapes.GitRef(repository, fullRef, commit));
    }
}
