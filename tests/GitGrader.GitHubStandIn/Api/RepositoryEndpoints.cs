using GitGrader.GitHubStandIn.Git;
using GitGrader.GitHubStandIn.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitGrader.GitHubStandIn.Api;

/// <summary>
/// Repositories: read one; create one from a template (one commit with the template's tree, as "Use this template" makes)
/// or empty in the organisation. A name already taken is GitHub's 422 "name already exists on this account".
/// </summary>
internal static class RepositoryEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/repos/{owner}/{repo}", Get).WithMetadata(StandInEndpoint.Instance);
        api.MapPost("/repos/{templateOwner}/{templateRepo}/generate", GenerateAsync).WithMetadata(StandInEndpoint.Instance);
        api.MapPost("/orgs/{org}/repos", CreateInOrganizationAsync).WithMetadata(StandInEndpoint.Instance);
    }

    private static IResult Get(HttpContext context, StandInCore core, string owner, string repo)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (repository, denied) = ApiAuth.RequireInstallation(core, request.Caller, owner, repo);
        return repository is null ? denied! : ApiResults.Json(core.Shapes.FullRepository(repository, core.Repositories.IsTemplate(repository), core.Clock.GetUtcNow()));
    }

    private static async Task<IResult> GenerateAsync(HttpContext context, StandInCore core, string templateOwner, string templateRepo)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var (template, denied) = ApiAuth.RequireInstallation(core, request.Caller, templateOwner, templateRepo);
        if (template is null)
        {
            return denied!;
        }

        if (ApiAuth.RequireWrite(core, "repository_creation", "administration") is { } forbidden)
        {
            return forbidden;
        }

        if (!core.Repositories.IsTemplate(template))
        {
            return ViolationRecorder.Refuse(core, context, $"{template.FullName} is not a template repository");
        }

        var body = request.BodyObject;
        var owner = body["owner"]?.GetValue<string>() ?? core.Access.FindInstallation(request.Caller.InstallationId!.Value)!.AccountLogin;
        var name = body["name"]!.GetValue<string>();
        var (created, refused) = await CreateAsync(context, core, request.Caller.InstallationId!.Value, owner, name);
        if (created is null)
        {
            return refused!;
        }

        await core.Git.GenerateFromTemplateAsync(template.Owner, template.Name, template.DefaultBranch, created.Owner, created.Name, created.DefaultBranch, core.Clock.GetUtcNow(), context.RequestAborted);
        return ApiResults.Created(context, core.Shapes.FullRepository(created, false, core.Clock.GetUtcNow()));
    }

    private static async Task<IResult> CreateInOrganizationAsync(HttpContext context, StandInCore core, string org)
    {
        var request = context.Features.Get<ApiRequestFeature>()!;
        var caller = request.Caller;
        if (caller.Kind != AuthKind.InstallationToken)
        {
            return ApiAuth.RequireInstallation(core, caller, org, string.Empty).Error!;
        }

        if (!string.Equals(core.Access.FindInstallation(caller.InstallationId!.Value)?.AccountLogin, org, StringComparison.OrdinalIgnoreCase))
        {
            return ApiResults.NotFound();
        }

        if (ApiAuth.RequireWrite(core, "repository_creation", "administration") is { } forbidden)
        {
            return forbidden;
        }

        var body = request.BodyObject;
        var (created, refused) = await CreateAsync(context, core, caller.InstallationId.Value, org, body["name"]!.GetValue<string>());
        if (created is null)
        {
            return refused!;
        }

        if (body["auto_init"]?.GetValue<bool>() == true)
        {
            await core.Git.SeedCommitAsync(created.Owner, created.Name, created.DefaultBranch, created.DefaultBranch, new Dictionary<string, string> { ["README.md"] = $"# {created.Name}\n" }, "Initial commit", core.Clock.GetUtcNow(), context.RequestAborted);
        }

        return ApiResults.Created(context, core.Shapes.FullRepository(created, false, core.Clock.GetUtcNow()));
    }

    private static async Task<(RepoRecord? Created, IResult? Refused)> CreateAsync(HttpContext context, StandInCore core, long installationId, string owner, string name)
    {
        if (!string.Equals(core.Access.FindInstallation(installationId)?.AccountLogin, owner, StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiResults.Error(StatusCodes.Status403Forbidden, $"Resource not accessible by integration (the installation is not on {owner})"));
        }

        if (!GitRepositories.IsValidName(name))
        {
            return (null, ApiResults.Failed(StatusCodes.Status422UnprocessableEntity, "Repository creation failed.", "Repository", "name", "custom", "name is not a valid repository name"));
        }

        RepoRecord record;
        try
        {
            record = core.Repositories.Add(owner, name, installationId, "main", core.Clock.GetUtcNow());
        }
        catch (InvalidOperationException)
        {
            return (null, ApiResults.Failed(StatusCodes.Status422UnprocessableEntity, "Repository creation failed.", "Repository", "name", "custom", "name already exists on this account"));
        }

        await core.Git.CreateBareAsync(owner, name, record.DefaultBranch, context.RequestAborted);
        return (record, null);
    }
}
