using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>
/// <c>PUT …/branches/{branch}/protection</c>: of the protection rules, the stand-in enforces <c>lock_branch</c> (every push
/// to the branch refused, GH006, by a pre-receive hook); the others are recorded as a violation when asked for.
/// </summary>
internal static class BranchProtectionEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/repos/{owner}/{repo}/branches/{branch}/protection", PutAsync).WithMetadata(StandInEndpoint.Instance);

    private static async Task<IResult> PutAsync(HttpContext context, StandInCore core, string owner, string repo, string branch)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallationWrite(core, context, owner, repo, "administration");
        if (repository is null)
        {
            return denied!;
        }

        var cancellationToken = context.RequestAborted;
        if (await core.Git.ResolveCommitAsync(repository.Owner, repository.Name, "refs/heads/" + branch, cancellationToken) is null)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, "Branch not found");
        }

        var body = request.BodyObject;
        var enforced = new[] { "required_status_checks", "required_pull_request_reviews", "restrictions" }.Where(key => body[key] is not null).ToList();
        if (enforced.Count > 0)
        {
            ViolationRecorder.Record(core, context, ViolationKind.NotImplemented, [$"the stand-in enforces only lock_branch, not {string.Join(", ", enforced)}"], StatusCodes.Status200OK);
        }

        if (body["lock_branch"]?.GetValue<bool>() == true)
        {
            core.RepositoryAccess.LockBranch(repository, branch);
            await core.Git.LockBranchesAsync(repository.Owner, repository.Name, core.RepositoryAccess.LockedBranchesOf(repository), cancellationToken);
        }

        return ApiResults.Json(core.Shapes.ProtectedBranch(repository, branch));
    }
}
